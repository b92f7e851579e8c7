/* The widget in a partner's frame: after sending the form, the answer (the thanks, or the
   errors) is near the top of the frame, which may be far above where the partner's page is
   scrolled to (a fragment in the form's address does not scroll the partner's page). Bring the
   widget's top into view, which scrolls the partner's page too. No dependencies. */
(function () {
  "use strict";
  if (document.querySelector("[data-scroll-into-view], .error-summary")) {
    document.querySelector(".embed__main").scrollIntoView({ block: "start" });
  }
})();

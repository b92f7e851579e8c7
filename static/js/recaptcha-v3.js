// Fetches a reCAPTCHA v3 token just before the sign form is sent. When Google's script did not
// load (blocked, offline, no JavaScript for it) or takes too long, the form is sent without a
// token: the server keeps the signature and marks it for review instead of turning a person away.
(function () {
  "use strict";
  var GIVE_UP_AFTER_MS = 8000;

  document.querySelectorAll("input.g-recaptcha[data-sitekey]").forEach(function (input) {
    var form = input.form;
    var sending = false;
    if (!form) {
      return;
    }
    form.addEventListener("submit", function (event) {
      var grecaptcha = window.grecaptcha;
      if (sending || !grecaptcha || typeof grecaptcha.ready !== "function") {
        return;
      }
      event.preventDefault();
      sending = true;
      var send = function () {
        window.clearTimeout(giveUp);
        form.submit();
      };
      var giveUp = window.setTimeout(send, GIVE_UP_AFTER_MS);
      grecaptcha.ready(function () {
        grecaptcha
          .execute(input.dataset.sitekey, { action: input.dataset.action || "submit" })
          .then(function (token) {
            input.value = token;
            send();
          }, send);
      });
    });
  });
})();

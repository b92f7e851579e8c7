/* Keeps a petition's counter fresh: polls count.json every few seconds and counts up to the new
   number. Without JavaScript the number the server rendered stands. No dependencies. */
(function () {
  "use strict";

  var POLL_MS = 5000;
  var HIDDEN_POLL_MS = 30000;
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var format = new Intl.NumberFormat(document.documentElement.lang || undefined);

  function show(element, value) {
    element.setAttribute("data-value", String(value));
    element.textContent = format.format(value);
  }

  function animate(element, to) {
    var from = parseInt(element.getAttribute("data-value"), 10) || 0;
    if (from === to) return;
    if (reduceMotion || to < from) {
      show(element, to);
      return;
    }
    var start = null;
    var duration = 800;
    function step(now) {
      if (start === null) start = now;
      var progress = Math.min(1, (now - start) / duration);
      var eased = 1 - Math.pow(1 - progress, 3);
      element.textContent = format.format(Math.round(from + (to - from) * eased));
      if (progress < 1) {
        window.requestAnimationFrame(step);
      } else {
        show(element, to);
      }
    }
    element.setAttribute("data-value", String(to));
    window.requestAnimationFrame(step);
  }

  function watch(counter) {
    var url = counter.getAttribute("data-count-url");
    var number = counter.querySelector("[data-count]");
    var goal = counter.querySelector("[data-goal]");
    var bar = counter.querySelector("progress");
    var timer = null;

    function update(data) {
      animate(number, data.count);
      if (goal) show(goal, data.goal);
      if (bar) {
        bar.max = data.goal;
        bar.value = Math.min(data.count, data.goal);
      }
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(poll, document.hidden ? HIDDEN_POLL_MS : POLL_MS);
    }

    function poll() {
      window
        .fetch(url, { headers: { Accept: "application/json" }, credentials: "omit" })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          if (data && typeof data.count === "number") update(data);
          if (!data || !data.closed) schedule();
        })
        .catch(schedule);
    }

    document.addEventListener("visibilitychange", function () {
      if (!document.hidden) poll();
    });
    schedule();
  }

  if (!window.fetch) return;
  Array.prototype.forEach.call(document.querySelectorAll("[data-count-url]"), watch);
})();

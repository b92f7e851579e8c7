/* Keeps every petition counter on the page fresh (petition pages, cards on the home, campaign
   and list pages): one request to count.json per petition every few seconds while the tab is
   shown, none while it is hidden, none once the petition is closed; numbers count up to the new
   figure. Without JavaScript the numbers the server rendered stand. No dependencies. */
(function () {
  "use strict";

  var POLL_MS = 5000;
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

  function update(counter, data) {
    var number = counter.querySelector("[data-count]");
    var goal = counter.querySelector("[data-goal]");
    var bar = counter.querySelector("progress");
    if (number) animate(number, data.count);
    if (goal) show(goal, data.goal);
    if (bar) {
      bar.max = data.goal;
      bar.value = Math.min(data.count, data.goal);
    }
  }

  // A petition may show several counters on one page (the sign bar and the form's panel): they
  // share one poller.
  function Poller(url, counters) {
    var timer = null;
    var waiting = false; // a request is on its way
    var closed = false;

    function schedule() {
      window.clearTimeout(timer);
      timer = null;
      if (!closed && !document.hidden) timer = window.setTimeout(poll, POLL_MS);
    }

    function poll() {
      waiting = true;
      window
        .fetch(url, { headers: { Accept: "application/json" }, credentials: "omit" })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          waiting = false;
          if (data && typeof data.count === "number") {
            counters.forEach(function (counter) {
              update(counter, data);
            });
            closed = Boolean(data.closed);
          }
          schedule();
        })
        .catch(function () {
          waiting = false;
          schedule();
        });
    }

    document.addEventListener("visibilitychange", function () {
      if (document.hidden) {
        window.clearTimeout(timer);
        timer = null;
      } else if (!closed && !waiting && timer === null) {
        poll();
      }
    });
    schedule();
  }

  if (!window.fetch) return;
  var byUrl = {};
  Array.prototype.forEach.call(document.querySelectorAll("[data-count-url]"), function (counter) {
    var url = counter.getAttribute("data-count-url");
    (byUrl[url] = byUrl[url] || []).push(counter);
  });
  Object.keys(byUrl).forEach(function (url) {
    Poller(url, byUrl[url]);
  });
})();

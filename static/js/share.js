// Share links, enhanced. Without JavaScript every link still works as it is.
// - "Share…" opens the device's own share sheet (Web Share API); it is shown only where the
//   browser has one, mostly on phones.
// - "Copy link" copies the page address instead of following the link, where the browser allows it.
(() => {
  "use strict";

  if (typeof navigator.share === "function") {
    document.querySelectorAll("[data-native-share]").forEach((item) => {
      item.hidden = false;
    });
  }

  document.addEventListener("click", async (event) => {
    const native = event.target.closest("[data-native-share] button");
    if (native) {
      try {
        await navigator.share({ title: native.dataset.title, text: native.dataset.title, url: native.dataset.url });
      } catch {
        // Dismissed by the person, or refused: the links below are still there.
      }
      return;
    }
    const link = event.target.closest("a[data-copy-link]");
    if (!link || !navigator.clipboard) return;
    event.preventDefault();
    const status = link.closest(".share-links")?.querySelector(".share-links__status");
    try {
      await navigator.clipboard.writeText(link.href);
      if (status) status.textContent = link.dataset.copied;
    } catch {
      window.location.href = link.href;
    }
  });
})();

// "Copy link": copies the page address instead of following the link, where the browser allows it.
// Without JavaScript the link still leads to the page, whose address can be copied from there.
document.addEventListener("click", async (event) => {
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

// The badge sheet's Print button. Printing from a page needs a script (window.print), so the
// button is shown only when this runs; without JavaScript the browser's own Print (Ctrl+P)
// gives the same sheet, through the page's print CSS.
for (const button of document.querySelectorAll("button[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// A Print button where the page offers one: hidden without JavaScript (the browser's own
// menu prints the page then), shown and wired here. Listening on the document keeps it
// working after the results list is replaced in place.
document.querySelectorAll(".print-row").forEach((row) => {
  row.hidden = false;
});
document.addEventListener("click", (event) => {
  const button = event.target.closest ? event.target.closest("[data-print]") : null;
  if (button) window.print();
});

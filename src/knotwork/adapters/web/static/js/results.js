// Press test: answering re-ranks the list in place (the links work without JavaScript too,
// as ordinary page loads). Focus returns to the muscle that was answered.
const root = () => document.getElementById("results");

async function answer(link) {
  const url = link.getAttribute("href");
  const muscle = link.closest(".candidate") ? link.closest(".candidate").id : null;
  const response = await fetch(url, { headers: { Accept: "text/html" } });
  if (!response.ok) {
    window.location.href = url;
    return;
  }
  const html = await response.text();
  const fresh = new DOMParser().parseFromString(html, "text/html").getElementById("results");
  if (!fresh) {
    window.location.href = url;
    return;
  }
  root().replaceWith(fresh);
  history.pushState({}, "", url);
  const target = (muscle && document.getElementById(muscle)) || fresh;
  const heading = target.querySelector("h2") || target;
  heading.setAttribute("tabindex", "-1");
  heading.focus();
  announce("The list was updated with your answer.");
}

function announce(text) {
  let region = document.getElementById("live");
  if (!region) {
    region = document.createElement("p");
    region.id = "live";
    region.className = "sr-only";
    region.setAttribute("role", "status");
    document.body.append(region);
  }
  region.textContent = text;
}

document.addEventListener("click", (event) => {
  const link = event.target.closest ? event.target.closest("a[data-press]") : null;
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  answer(link);
});
window.addEventListener("popstate", () => window.location.reload());

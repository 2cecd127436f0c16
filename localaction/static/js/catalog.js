/* The catalog without page reloads: when a filter, the sort or the search text changes, fetch the same URL the
   form would load, with a header asking for the results region only, swap it in and put the URL in the address
   bar (so it stays shareable and the back button works). Without JavaScript the form submits as usual. */
(function () {
  "use strict";
  var form = document.getElementById("catalog");
  var region = document.getElementById("catalog-region");
  if (!form || !region || !window.fetch || !window.history.pushState || !window.URLSearchParams) return;
  var pending = null;
  var timer = null;

  function urlOf() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) { if (value !== "") params.append(name, value); });
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  function load(url, push) {
    if (pending) pending.abort();
    pending = new AbortController();
    region.setAttribute("aria-busy", "true");
    fetch(url, {headers: {"X-Catalog-Partial": "1"}, signal: pending.signal, credentials: "same-origin"})
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        var focused = document.activeElement && region.contains(document.activeElement) ? document.activeElement.id : null;
        region.innerHTML = html;
        region.removeAttribute("aria-busy");
        if (push) window.history.pushState({catalog: true}, "", url);
        if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
      })
      .catch(function (error) {
        if (error.name !== "AbortError") window.location.assign(url);  // fall back to a full page load
      });
  }

  form.addEventListener("change", function (event) {
    if (event.target.name === "q") return;
    load(urlOf(), true);
  });
  form.addEventListener("input", function (event) {
    if (event.target.name !== "q") return;
    clearTimeout(timer);
    timer = setTimeout(function () { load(urlOf(), true); }, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    load(urlOf(), true);
  });
  region.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (!link || link.origin !== window.location.origin || link.pathname !== window.location.pathname) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    // Links keep every other parameter: the form must show their state too, so load the whole region and input.
    var params = new URLSearchParams(link.search);
    document.getElementById("id_q").value = params.get("q") || "";
    load(link.pathname + link.search, true);
  });
  window.addEventListener("popstate", function () {
    var params = new URLSearchParams(window.location.search);
    document.getElementById("id_q").value = params.get("q") || "";
    load(window.location.pathname + window.location.search, false);
  });
})();

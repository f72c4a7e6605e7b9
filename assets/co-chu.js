// The text size (A−, A, A+; src/components/text_size.rs draws the buttons).
// Inlined in the head by index.html, which names its SHA-256 in the CSP (a
// test checks it): the remembered size is on the page before its first
// paint, so nothing moves when the app arrives. The buttons
// work before the app too, by one listener on the document.
(function () {
  "use strict";
  var root = document.documentElement, KEY = "co-chu", MIN = -1, MAX = 3;

  function apply(level) {
    level = Math.max(MIN, Math.min(MAX, level | 0));
    if (level) root.setAttribute("data-co-chu", level);
    else root.removeAttribute("data-co-chu");
    return level;
  }

  try { apply(parseInt(localStorage.getItem(KEY), 10)); } catch (e) { /* storage off: default size */ }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-co-chu-doi]");
    if (!button) return;
    var step = parseInt(button.getAttribute("data-co-chu-doi"), 10);
    var level = apply(step ? (parseInt(root.getAttribute("data-co-chu"), 10) || 0) + step : 0);
    try {
      if (level) localStorage.setItem(KEY, level);
      else localStorage.removeItem(KEY);
    } catch (e) { /* not remembered, still applied */ }
  });
})();

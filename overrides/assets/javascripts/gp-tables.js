// Tables wider than the screen scroll inside their own box: Material wraps content tables in
// .md-typeset__scrollwrap. A box that scrolls becomes a labelled, focusable region, so the
// keyboard can scroll it too (WCAG 2.1.1; axe: scrollable-region-focusable). Runs after
// Material's bundle has wrapped the tables (its DOMContentLoaded listener comes first).
(function () {
  "use strict";

  function label(box) {
    var table = box.querySelector("table");
    if (!table) return "";
    if (table.caption && table.caption.textContent.trim()) return table.caption.textContent.trim();
    return Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    }).filter(Boolean).join(", ");
  }

  function mark() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && box.getAttribute("data-gp-region") === null) {
        box.setAttribute("data-gp-region", "");
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", label(box));
      } else if (!scrolls && box.getAttribute("data-gp-region") !== null) {
        ["data-gp-region", "tabindex", "role", "aria-label"].forEach(function (name) {
          box.removeAttribute(name);
        });
      }
    });
  }

  document.addEventListener("DOMContentLoaded", mark);
  window.addEventListener("resize", mark);
})();

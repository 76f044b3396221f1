/* Long documents: the trainer-notes toggle. Without JavaScript the notes stay visible and the
   button stays hidden; with it, the reader's choice is kept across pages in localStorage. */
(function () {
  "use strict";
  var KEY = "goodpractice.trainerNotes";
  var root = document.documentElement;

  function stored() {
    try {
      return window.localStorage.getItem(KEY) !== "hidden";
    } catch (error) {
      return true; // storage blocked: show the notes
    }
  }

  function apply(show) {
    root.classList.toggle("gp-trainer-hidden", !show);
    document.querySelectorAll("[data-gp-trainer-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", show ? "true" : "false");
      button.hidden = false;
    });
  }

  function remember(show) {
    try {
      window.localStorage.setItem(KEY, show ? "shown" : "hidden");
    } catch (error) {
      /* the choice then lasts for this page only */
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-gp-trainer-toggle]");
    if (!button) return;
    var show = button.getAttribute("aria-pressed") !== "true";
    remember(show);
    apply(show);
  });

  // Paper cannot be clicked: print collapsed blocks open.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".md-typeset details:not([open])").forEach(function (details) {
      details.setAttribute("open", "");
      details.setAttribute("data-gp-opened-for-print", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("[data-gp-opened-for-print]").forEach(function (details) {
      details.removeAttribute("open");
      details.removeAttribute("data-gp-opened-for-print");
    });
  });

  apply(stored());
})();

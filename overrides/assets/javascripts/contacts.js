// Contacts: the page holds e-mail addresses in two halves (data-gp-user, data-gp-domain), so
// address harvesters that read HTML find no address. On a click the halves become a link.
(function () {
  "use strict";
  function link(span, href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    span.replaceWith(a);
    a.focus();
  }
  function enhance(span, hrefOf) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "gp-contact__reveal";
    button.textContent = span.textContent;
    button.addEventListener("click", function () {
      var target = hrefOf(span);
      link(button, target.href, target.text);
    });
    span.textContent = "";
    span.appendChild(button);
  }
  function init() {
    document.querySelectorAll("span.gp-contact__email[data-gp-user][data-gp-domain]")
      .forEach(function (span) {
        enhance(span, function (s) {
          var address = s.dataset.gpUser + "@" + s.dataset.gpDomain;
          return { href: "mailto:" + address, text: address };
        });
      });
    document.querySelectorAll("span.gp-contact__phone[data-gp-phone]").forEach(function (span) {
      enhance(span, function (s) {
        return { href: "tel:" + s.dataset.gpPhone.replace(/[^+0-9]/g, ""), text: s.dataset.gpPhone };
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

// The plan pages' small helpers: copy the share link, print, and unfold every step for print.
// Everything works without them; the buttons they drive stay hidden until this runs.
(function () {
  "use strict";

  function copy(button) {
    var input = document.getElementById(button.getAttribute("data-copy"));
    var status = document.querySelector("[data-copy-status]");
    if (!input) { return; }
    input.focus();
    input.select();
    var said = function (ok) {
      if (status) { status.textContent = ok ? "Copied." : "Select the link and copy it."; }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(function () { said(true); }, function () {
        said(document.execCommand("copy"));
      });
    } else {
      said(document.execCommand("copy"));
    }
  }

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { copy(button); });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // Folded steps are printed too: open every <details> for print, and close them again after.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.slice.call(document.querySelectorAll("details:not([open])"));
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();

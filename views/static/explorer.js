/* Explorer: the optional "copy embed code" button (the textarea works without it). */
(function () {
  "use strict";
  document.querySelectorAll(".ex-copy").forEach(function (button) {
    var area = button.parentNode.querySelector(".ex-embed-code");
    button.hidden = false;
    button.addEventListener("click", function () {
      area.select();
      var done = function () { button.textContent = button.getAttribute("data-done"); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(area.value).then(done, function () { document.execCommand("copy"); done(); });
      } else {
        document.execCommand("copy");
        done();
      }
    });
  });
})();

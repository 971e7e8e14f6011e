// Old-webview guard, inlined by the build into every page (webpack.config.js: taskpane.html,
// commands.html, fejl.html). Office 2019 volume-licensed runs add-ins in Internet Explorer 11, and
// Office 2016/2019 without WebView2 in old Edge, where the add-in's ES2020 code cannot even be
// parsed. Instead of a dead pane or button, the user is told which Office or WebView2 is needed.
// It must itself stay ES5: eslint parses it as ES5, and prettier leaves it alone (.prettierignore),
// since its trailing commas would not parse there.
(function () {
  var modern = true;
  try {
    new Function("var f = async (a) => a?.b ?? 0; class C {} return [f, C];");
  } catch (e) {
    // Only a syntax error means an old engine (a policy against eval is not one).
    modern = !e || e.name !== "SyntaxError";
  }
  if (modern && typeof Promise !== "undefined" && typeof Symbol !== "undefined") return;
  var message =
    "Resultatkontrakter kan ikke k\u00f8re i denne udgave af Office. Det kr\u00e6ver Microsoft 365 eller Office 2021 " +
    "(eller Office 2016/2019 med Microsoft Edge WebView2 Runtime installeret). Bed IT om at opdatere Office eller " +
    "installere WebView2, eller brug Excel p\u00e5 nettet.";
  window.__RK_OLD_WEBVIEW__ = message;
  // The ribbon's Opsummering button: tell the user in a dialog instead of doing nothing.
  window.opsummering = function (event) {
    try {
      Office.context.ui.displayDialogAsync(
        window.location.href.replace(/[^/]*$/, "fejl.html") + "?besked=" + encodeURIComponent(message),
        { width: 30, height: 30, displayInIframe: true },
        function () {}
      );
    } catch (e) {
      // No dialog (an older host): the button still completes below.
    }
    if (event && event.completed) event.completed();
  };
  function show() {
    var target = document.getElementById("besked") || document.getElementById("root") || document.body;
    if (!target) return;
    var m = /[?&]besked=([^&]*)/.exec(window.location.search);
    var text = target.id === "besked" && m ? decodeURIComponent(m[1].replace(/\+/g, " ")) : message;
    while (target.firstChild) target.removeChild(target.firstChild);
    var p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.style.padding = "12px";
    p.appendChild(document.createTextNode(text));
    target.appendChild(p);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
  if (typeof Office !== "undefined" && Office.onReady) {
    Office.onReady(function () {
      if (Office.actions && Office.actions.associate)
        Office.actions.associate("opsummering", window.opsummering);
    });
  }
})();

// The error dialog opened by a ribbon command: shows ?besked=… and tells the opener when done.
export {};

const message = new URLSearchParams(window.location.search).get("besked");
const target = document.getElementById("besked");
// textContent, never innerHTML: the message may quote text from the workbook.
if (message && target) target.textContent = message;

let officeReady = false;
if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    officeReady = true;
  });
}

document.getElementById("ok")?.addEventListener("click", () => {
  if (officeReady) Office.context.ui.messageParent("luk");
  else window.close();
});

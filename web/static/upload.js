// Shows upload progress: the form is sent with XMLHttpRequest so the
// browser reports how far it is; the server's answer replaces the page.
(function () {
  var form = document.getElementById("upload");
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  var bar = document.getElementById("upload-progress");
  var status = document.getElementById("upload-status");
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    bar.hidden = false;
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round((100 * e.loaded) / e.total);
        status.textContent = bar.value + "%";
      }
    });
    xhr.addEventListener("load", function () {
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener("error", function () {
      status.textContent = "upload failed";
    });
    xhr.send(new FormData(form));
  });
})();

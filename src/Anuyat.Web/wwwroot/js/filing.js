// Progressive enhancement for the filing pages; every page works without this file.
(() => {
  'use strict';

  // Uploads: show a progress bar while the files travel, then show the page the server answers with.
  for (const form of document.querySelectorAll('form[data-upload]')) {
    form.addEventListener('submit', (event) => {
      const input = form.querySelector('input[type=file]');
      if (!input || input.files.length === 0 || !window.FormData) {
        return; // let the browser post the form (and the server say what is missing)
      }
      event.preventDefault();
      const bar = form.querySelector('progress');
      const button = form.querySelector('button[type=submit]');
      if (bar) { bar.hidden = false; bar.value = 0; }
      if (button) { button.disabled = true; }
      const xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.upload.addEventListener('progress', (e) => {
        if (bar && e.lengthComputable) { bar.value = Math.round((e.loaded / e.total) * 100); }
      });
      xhr.addEventListener('load', () => {
        if (xhr.responseURL && xhr.responseURL.indexOf('handler=upload') === -1) {
          window.location.assign(xhr.responseURL);
        } else {
          document.open();
          document.write(xhr.responseText);
          document.close();
        }
      });
      xhr.addEventListener('error', () => form.submit());
      xhr.send(new FormData(form));
    });
  }

  // Send once: a second click on "send" while the first is on its way does nothing (the server also files one).
  for (const button of document.querySelectorAll('button[data-once]')) {
    button.form.addEventListener('submit', () => {
      window.setTimeout(() => { button.disabled = true; }, 0);
    });
  }

  // Address picker: suggest only the chosen district's subdistricts, and fill in the postcode from the choice.
  for (const select of document.querySelectorAll('select[data-subdistricts]')) {
    const input = document.getElementById(select.dataset.subdistricts);
    const list = document.getElementById('subdistricts');
    if (!input || !list) { continue; }
    const all = [...list.options].map((o) => ({ value: o.value, district: o.dataset.district, postcode: o.dataset.postcode }));
    const postcode = document.getElementById(select.dataset.subdistricts.replace('subdistrict', 'postcode'));
    const refresh = () => {
      const chosen = all.filter((o) => o.district === select.value);
      list.replaceChildren(...(chosen.length ? chosen : all).map((o) => {
        const option = document.createElement('option');
        option.value = o.value;
        option.dataset.district = o.district;
        option.dataset.postcode = o.postcode;
        return option;
      }));
    };
    select.addEventListener('change', refresh);
    // On 'input' (a suggestion picked or the name typed in full), so the postcode is there before the person moves on.
    input.addEventListener('input', () => {
      const match = all.find((o) => o.value === input.value && (!select.value || o.district === select.value));
      if (match && postcode && !postcode.value) { postcode.value = match.postcode; }
    });
    refresh();
  }
})();

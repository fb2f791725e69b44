// Passkeys (WebAuthn) for staff. The pages work without this file: they then say that a passkey needs JavaScript.
// The server makes the options (challenge, relying party, user) and checks the answer; this file only carries them
// between the page and navigator.credentials. The anti-forgery token travels in the form data.
(() => {
  'use strict';
  if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) {
    return; // the "needs JavaScript" text stays; the password + code sign-in still works
  }

  const postForm = async (url, form) => {
    const response = await fetch(url, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
    if (!response.ok) { throw new Error('options ' + response.status); }
    return response.json();
  };

  const reveal = (form) => {
    for (const note of form.querySelectorAll('.passkey-needs-js')) { note.hidden = true; }
    const button = form.querySelector('button[type=submit]');
    if (button) { button.hidden = false; }
    return button;
  };

  // Adding a passkey: ask the server for creation options, let the device make the key, post the public part back.
  for (const form of document.querySelectorAll('form[data-passkey-create]')) {
    const button = reveal(form);
    form.addEventListener('submit', async (event) => {
      if (form.elements.credential.value) { return; }
      event.preventDefault();
      if (button) { button.disabled = true; }
      try {
        const options = await postForm(form.dataset.passkeyCreate, form);
        const credential = await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
        form.elements.credential.value = JSON.stringify(credential);
        form.submit();
      } catch (e) {
        if (button) { button.disabled = false; }
        const status = form.querySelector('.passkey-status');
        if (status) { status.hidden = false; }
      }
    });
  }

  // Signing in with a passkey: no e-mail needed (discoverable credential); the device asks for its PIN or biometric.
  for (const form of document.querySelectorAll('form[data-passkey-get]')) {
    const button = reveal(form);
    form.addEventListener('submit', async (event) => {
      if (form.elements.credential.value) { return; }
      event.preventDefault();
      if (button) { button.disabled = true; }
      try {
        const options = await postForm(form.dataset.passkeyGet, form);
        const credential = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        form.elements.credential.value = JSON.stringify(credential);
        form.submit();
      } catch (e) {
        if (button) { button.disabled = false; }
        const status = form.querySelector('.passkey-status');
        if (status) { status.hidden = false; }
      }
    });
  }
})();

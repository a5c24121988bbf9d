// The example host console (`cargo xtask demo` serves it on its own origin): it reads where the
// Profiles Studio module and the API are from its config.json, and hands each instance the
// credential of "its" user, as a real console would after its own login. Two instances with
// different credentials and parent segments share the page without affecting each other.
const status = document.getElementById('host-status');
const config = await (await fetch('config.json')).json();
const credential = (key) => async () => `TD1 ${key}`;

// The element's settings first: importing the module defines <profiles-studio>, which mounts
// the element already in the page at once, with the attributes it has then.
const b = document.getElementById('studio-b');
b.setAttribute('api-base', config.apiBase);
if (config.lookupBase) b.setAttribute('lookup-base', config.lookupBase);
b.authorization = credential(config.keys[1] ?? config.keys[0]);
b.addEventListener('profiles-studio-navigate', (e) => { status.textContent = `Right instance at ${e.detail.route}`; });

const { mount } = await import(config.module);

const a = await mount(document.getElementById('studio-a'), {
  apiBase: config.apiBase,
  lookupBase: config.lookupBase,
  authorization: credential(config.keys[0]),
  parentSegmentId: '101',
  onNavigate: (route) => { status.textContent = `Left instance at ${route}`; },
  onAuthRequired: () => { status.textContent = 'Left instance: credential refused'; },
});
status.textContent = `Both instances mounted (left at ${a.route}).`;

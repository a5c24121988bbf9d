// Profiles Studio for embedding: `mount(element, options)` and the `<profiles-studio>` element.
// `cargo xtask build` writes this file to dist/embed/profiles-studio.js with the names of the
// hashed assets filled in below; they are loaded relative to this module's own URL, so a host
// may import it from another origin (the README, "Embedding", has the contract and the CSP).
//
// Each instance renders into a shadow root of its element with the app's stylesheet inside
// it: the host's CSS does not reach the app and the app's does not reach the host. Nothing
// here writes the host's URL, title or storage, and the credential is only ever asked of the
// host's `authorization` function.

const ASSETS = __ASSETS__;
const asset = (name) => new URL(ASSETS[name], import.meta.url).href;

let started = null;

/** The wasm module, loaded once per page however many instances it shows. */
function start() {
  started ??= import(asset('glue'))
    .then(async (glue) => {
      await glue.default({ module_or_path: asset('wasm') });
      return glue;
    })
    .catch((error) => {
      started = null; // A later mount may try again (the network may be back).
      throw error;
    });
  return started;
}

/** Reports an error thrown by a host callback without breaking the instance that called it. */
const report = (error) => queueMicrotask(() => { throw error; });

const call = (f, ...args) => {
  if (typeof f !== 'function') return;
  try {
    f(...args);
  } catch (error) {
    report(error);
  }
};

/** Resolves once the stylesheet has loaded (or failed), so the first paint is styled. */
const loaded = (link) => new Promise((resolve) => {
  link.addEventListener('load', resolve, { once: true });
  link.addEventListener('error', resolve, { once: true });
});

/**
 * Mounts an instance into `element`. Options: region | apiBase, authorization, parentSegmentId,
 * route, history ("memory" | "hash"), language, lookupBase, onNavigate, onAuthRequired.
 */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('Profiles Studio: mount(element): not an element');
  const glue = await start();
  const doc = element.ownerDocument;
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const sheet = doc.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = asset('css');
  const root = doc.createElement('div');
  root.className = 'ps-app';
  shadow.append(sheet, root);
  await loaded(sheet);

  // Concurrent requests share one question to the host; a refusal asks once more (the wasm
  // decides when); `update({ authorization })` replaces the function.
  let authorization = options.authorization;
  let asking = null;
  const ask = () => (asking ??= Promise.resolve()
    .then(() => (typeof authorization === 'function' ? authorization() : null))
    .finally(() => { asking = null; }));

  let studio;
  try {
    studio = glue.mountEmbedded(root, {
      region: options.region,
      apiBase: options.apiBase,
      parentSegmentId: options.parentSegmentId == null ? undefined : String(options.parentSegmentId),
      route: options.route,
      history: options.history,
      language: options.language,
      lookupBase: options.lookupBase,
      authorization: ask,
      onNavigate: (route) => call(options.onNavigate, route),
      onAuthRequired: () => call(options.onAuthRequired),
    });
  } catch (message) {
    sheet.remove();
    root.remove();
    throw new Error(`Profiles Studio: ${message}`);
  }

  let mounted = true;
  return {
    /** The current route, e.g. "/ps/123/tokens/56". */
    get route() {
      return mounted ? studio.route : undefined;
    },
    navigate(route) {
      if (mounted) studio.navigate(String(route));
    },
    async update(changes = {}) {
      if (!mounted) return;
      if ('authorization' in changes) {
        authorization = changes.authorization;
        asking = null;
        studio.setAuthorization(ask);
      }
      if ('language' in changes) studio.setLanguage(changes.language ?? undefined);
    },
    /** Removes every node, listener and timer, and aborts the requests in flight. */
    unmount() {
      if (!mounted) return;
      mounted = false;
      studio.unmount();
      studio.free();
      sheet.remove();
      root.remove();
    },
  };
}

/** `<profiles-studio>`: the same instance as an element; removing it unmounts it. */
class ProfilesStudioElement extends HTMLElement {
  static observedAttributes = ['route', 'lang'];

  #studio = null;
  #mounting = null;
  #authorization = undefined;

  /** The `authorization` function (a property only: a credential never goes in an attribute). */
  get authorization() {
    return this.#authorization;
  }

  set authorization(f) {
    this.#authorization = f;
    this.#studio?.update({ authorization: () => this.#ask() });
  }

  get route() {
    return this.#studio?.route;
  }

  #ask() {
    return typeof this.#authorization === 'function' ? this.#authorization() : null;
  }

  #event(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  connectedCallback() {
    // A property set before the element was defined sits on the instance and hides the class's
    // accessor: take it over (the custom elements "lazy property" pattern).
    if (Object.hasOwn(this, 'authorization')) {
      const f = this.authorization;
      delete this.authorization;
      this.#authorization = f;
    }
    if (this.#mounting) return;
    const attribute = (name) => this.getAttribute(name) ?? undefined;
    this.#mounting = mount(this, {
      region: attribute('region'),
      apiBase: attribute('api-base'),
      parentSegmentId: attribute('parent-segment'),
      route: attribute('route'),
      history: attribute('history'),
      language: attribute('lang'),
      lookupBase: attribute('lookup-base'),
      authorization: () => this.#ask(),
      onNavigate: (route) => this.#event('profiles-studio-navigate', { route }),
      onAuthRequired: () => this.#event('profiles-studio-auth-required', {}),
    }).then(
      (studio) => {
        this.#studio = studio;
        if (!this.isConnected) this.#unmount();
      },
      (error) => {
        this.#mounting = null;
        report(error);
      },
    );
  }

  disconnectedCallback() {
    // Moving the element within the page disconnects and reconnects it at once: keep it then.
    queueMicrotask(() => {
      if (!this.isConnected) this.#unmount();
    });
  }

  #unmount() {
    if (!this.#studio) return; // Still mounting: the mount unmounts itself when it ends.
    this.#studio.unmount();
    this.#studio = null;
    this.#mounting = null;
  }

  attributeChangedCallback(name, before, value) {
    if (!this.#studio || before === value) return;
    if (name === 'route' && value != null) this.#studio.navigate(value);
    if (name === 'lang') this.#studio.update({ language: value ?? undefined });
  }
}

if (!customElements.get('profiles-studio')) customElements.define('profiles-studio', ProfilesStudioElement);

//! What every handler shares: the store, the fixture to reset to, faults, the request log and
//! the server's settings.

use crate::faults::Faults;
use crate::fixture::Fixture;
use crate::reqlog::RequestLog;
use crate::store::Store;
use std::sync::{Arc, Mutex, MutexGuard};

pub type AppState = Arc<Shared>;

pub struct Shared {
    store: Mutex<Store>,
    fixture: Fixture,
    user_name: Option<String>,
    pub faults: Mutex<Faults>,
    pub log: Mutex<RequestLog>,
    pub api_keys: Vec<String>,
    pub allowed_origins: Vec<String>,
    pub test_endpoints: bool,
    /// How long a token's workflow runs after a save (see `workflow`).
    pub workflow_delay: std::time::Duration,
}

/// A panicking handler must not wedge the simulator: keep using the data after a poison.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Shared {
    pub fn new(config: crate::Config) -> Self {
        let crate::Config { fixture, api_keys, allow_origins, test_endpoints, user_name, workflow_delay } =
            config;
        Self {
            store: Mutex::new(Self::fresh_store(&fixture, user_name.as_deref(), workflow_delay)),
            fixture,
            user_name,
            faults: Mutex::new(Faults::default()),
            log: Mutex::new(RequestLog::default()),
            api_keys,
            allowed_origins: allow_origins,
            test_endpoints,
            workflow_delay,
        }
    }

    fn fresh_store(fixture: &Fixture, user_name: Option<&str>, delay: std::time::Duration) -> Store {
        let mut store = Store::new(fixture, user_name);
        store.workflows.delay = delay;
        store
    }

    pub fn store(&self) -> MutexGuard<'_, Store> {
        lock(&self.store)
    }

    /// Back to the fixture as loaded, with an empty log and no faults.
    pub fn reset(&self) {
        *self.store() = Self::fresh_store(&self.fixture, self.user_name.as_deref(), self.workflow_delay);
        lock(&self.faults).clear();
        lock(&self.log).clear();
    }
}

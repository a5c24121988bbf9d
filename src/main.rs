//! Entry point: the standalone page. Mounts one instance into the body with hash history (see
//! `mount`); the panic hook and the recovery screen come with it (see `recovery`).
fn main() {
    profiles_studio::mount::mount_standalone();
}

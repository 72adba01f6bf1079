//! Frame profiling with puffin, only in builds with the `profile` feature; otherwise these
//! compile to nothing.

/// Starts the profiler and its loopback server for puffin_viewer.
pub fn start() {
    #[cfg(feature = "profile")]
    {
        puffin::set_scopes_on(true);
        match puffin_http::Server::new("127.0.0.1:8585") {
            // Kept for the life of the process: dropping it would stop the server.
            Ok(server) => std::mem::forget(server),
            Err(error) => log::warn!("could not start the profiler server: {error}"),
        }
    }
}

/// Marks the start of a frame.
pub fn new_frame() {
    #[cfg(feature = "profile")]
    puffin::GlobalProfiler::lock().new_frame();
}

/// Profiles the rest of the enclosing block under `name`.
#[macro_export]
macro_rules! profile_scope {
    ($name:expr) => {
        #[cfg(feature = "profile")]
        puffin::profile_scope!($name);
    };
}

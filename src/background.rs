//! Letting go of large things without making the window wait for it.

/// Drops `value` on a thread of its own. Freeing a 10,000-card session or summary takes
/// milliseconds, and a saver being dropped finishes its last write first; neither belongs in a
/// frame. If no thread can be started, the value is dropped here after all.
pub fn drop_in_background<T: Send + 'static>(name: &str, value: T) {
    let spawned = std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || drop(value));
    if let Err(error) = spawned {
        log::warn!("could not let go of the {name} in the background: {error}");
    }
}

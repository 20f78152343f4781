//! Giving memory back to the system after a large document is closed.
//!
//! glibc's allocator keeps freed memory in per-thread arenas for reuse. For a language server
//! that is fine until a user opens and closes a very large file: measured with a 10 MB document
//! (`tests/tests/lsp_hostile.rs`), the server kept ~100 MB after the close and grew to ~240 MB
//! over five open/close cycles as different worker threads' arenas each kept their share (with
//! one arena it stayed flat: fragmentation, not a leak). With two arenas and a `malloc_trim`
//! after a close: peak 110 MB, 43 MB after the first close, 49 MB after the fifth. mimalloc as
//! the global allocator was tried and kept its peak (180 MB) and grew too.

/// Limits glibc to two malloc arenas. Call before the runtime starts its threads. Worker
/// threads then share arenas, so memory one thread frees is reused by the others instead of
/// sitting in an arena of its own.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[allow(unsafe_code)]
    // SAFETY: mallopt only sets an allocator parameter; it is called before other threads exist.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Returns free heap memory to the system (glibc only; a no-op elsewhere).
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[allow(unsafe_code)]
    // SAFETY: malloc_trim only inspects and releases the allocator's own free lists; it takes no
    // pointers and is thread-safe.
    unsafe {
        libc::malloc_trim(0);
    }
}

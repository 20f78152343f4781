//! Exiting with the client. The protocol asks a server to exit when the process named by
//! `initialize`'s `processId` is gone: an editor that crashes does not always close the server's
//! stdin (another process may hold the pipe open), and the server would then run on, orphaned.
//!
//! Whether the process is alive is asked every [`POLL`] with `kill(pid, 0)`, through rustix's
//! safe wrapper (the workspace forbids `unsafe`, and rustix was already in the build, under
//! tempfile). A process that exists but belongs to another user (`EPERM`) counts as alive, and so
//! does a zombie until its parent reaps it. Elsewhere than on Unix the client's process is not
//! watched; the server still ends when its stdin closes.

use std::time::Duration;

/// How often the client's process is looked for.
pub const POLL: Duration = Duration::from_secs(3);

/// Returns once process `pid` is gone (never, where processes are not watched).
pub async fn wait_for_exit(pid: u32) {
    if !cfg!(unix) {
        return std::future::pending().await;
    }
    while is_alive(pid) {
        tokio::time::sleep(POLL).await;
    }
}

#[cfg(unix)]
fn is_alive(pid: u32) -> bool {
    // 0 and numbers above i32::MAX name no single process: nothing to watch.
    let Some(pid) = i32::try_from(pid).ok().and_then(rustix::process::Pid::from_raw) else { return true };
    rustix::process::test_kill_process(pid) != Err(rustix::io::Errno::SRCH)
}

#[cfg(not(unix))]
fn is_alive(_pid: u32) -> bool {
    true
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_reaped_process_is_gone() {
        assert!(is_alive(std::process::id()));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!is_alive(pid));
        // Not a process id: never exits the server.
        assert!(is_alive(0) && is_alive(u32::MAX));
    }
}

//! A process's command name (`/proc/PID/comm`, at most 15 bytes), which `-Y` /
//! `--decode-pids=comm` shows beside pids: `1234<bash>`.

use std::io::Read;

/// `TASK_COMM_LEN` (<linux/sched.h>) less its NUL.
const COMM_MAX: usize = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comm {
    bytes: [u8; COMM_MAX],
    len: u8,
}

impl Comm {
    /// The name of process (or thread) `pid`, as `/proc` has it now; `None` when it cannot
    /// be read (the process is gone).
    pub fn of(pid: i64) -> Option<Comm> {
        let mut file = std::fs::File::open(format!("/proc/{pid}/comm")).ok()?;
        let mut raw = [0u8; COMM_MAX + 1];
        let n = file.read(&mut raw).ok()?;
        let name = raw[..n].strip_suffix(b"\n").unwrap_or(&raw[..n]);
        let len = name.len().min(COMM_MAX);
        let mut bytes = [0u8; COMM_MAX];
        bytes[..len].copy_from_slice(&name[..len]);
        Some(Comm {
            bytes,
            len: len as u8,
        })
    }

    /// A name given as it is (cut to 15 bytes), for tests.
    #[cfg(test)]
    pub fn from_bytes(name: &[u8]) -> Comm {
        let len = name.len().min(COMM_MAX);
        let mut bytes = [0u8; COMM_MAX];
        bytes[..len].copy_from_slice(&name[..len]);
        Comm {
            bytes,
            len: len as u8,
        }
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_own_name() {
        let want = std::fs::read("/proc/self/comm").unwrap();
        let got = Comm::of(i64::from(std::process::id())).unwrap();
        assert_eq!(got.as_bytes(), want.strip_suffix(b"\n").unwrap());
        assert_eq!(Comm::of(-1), None);
    }
}

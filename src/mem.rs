//! Reading tracee memory.
//!
//! `process_vm_readv` reads a whole buffer in one system call; it is tried first and
//! `PTRACE_PEEKDATA` (one word per call) is the fallback for kernels or setups that refuse it.
//! Decoders see memory only through the [`Memory`] trait, so tests can hand them fake memory.

use nix::errno::Errno;

/// The page size of x86_64; strings are read one page at a time so that a string ending just
/// before an unmapped page is still read whole.
const PAGE: u64 = 4096;

/// Memory a decoder can read.
pub trait Memory {
    /// Fills `buf` from `addr`; `Err` if any of it cannot be read.
    fn read(&self, addr: u64, buf: &mut [u8]) -> Result<(), Errno>;

    /// Reads a NUL-terminated string of at most `buf.len()` bytes into `buf`. Returns how many
    /// bytes came before the NUL, or `buf.len()` with `found_nul == false` when there was no NUL
    /// in that many bytes. `Err` only when not even the first page could be read.
    fn read_cstr(&self, addr: u64, buf: &mut [u8]) -> Result<CStr, Errno> {
        let mut done = 0usize;
        while done < buf.len() {
            let at = addr.wrapping_add(done as u64);
            let to_page_end = (PAGE - at % PAGE) as usize;
            let chunk = to_page_end.min(buf.len() - done);
            // A string running into an unreadable page has no end to show either: strace prints
            // the address then, so any failure is the caller's failure.
            self.read(at, &mut buf[done..done + chunk])?;
            if let Some(nul) = buf[done..done + chunk].iter().position(|&b| b == 0) {
                return Ok(CStr {
                    len: done + nul,
                    found_nul: true,
                });
            }
            done += chunk;
        }
        Ok(CStr {
            len: buf.len(),
            found_nul: false,
        })
    }

    /// Reads one native-endian 64-bit word.
    fn read_u64(&self, addr: u64) -> Result<u64, Errno> {
        let mut word = [0u8; 8];
        self.read(addr, &mut word)?;
        Ok(u64::from_ne_bytes(word))
    }
}

/// The result of [`Memory::read_cstr`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CStr {
    pub len: usize,
    pub found_nul: bool,
}

/// The memory of a live tracee.
pub struct TraceeMemory {
    pid: libc::pid_t,
    /// Set once `process_vm_readv` is found not to work here, so it is not tried again.
    peek_only: std::cell::Cell<bool>,
}

impl TraceeMemory {
    pub fn new(pid: libc::pid_t) -> Self {
        TraceeMemory {
            pid,
            peek_only: std::cell::Cell::new(false),
        }
    }

    pub fn set_pid(&mut self, pid: libc::pid_t) {
        self.pid = pid;
    }

    fn read_vm(&self, addr: u64, buf: &mut [u8]) -> Result<usize, Errno> {
        let local = libc::iovec {
            iov_base: buf.as_mut_ptr().cast(),
            iov_len: buf.len(),
        };
        let remote = libc::iovec {
            iov_base: addr as *mut libc::c_void,
            iov_len: buf.len(),
        };
        // SAFETY: `local` describes `buf`, which is valid for writes of `buf.len()` bytes; the
        // remote address is only read by the kernel, which checks it against the tracee's mappings.
        let n = unsafe { libc::process_vm_readv(self.pid, &local, 1, &remote, 1, 0) };
        Errno::result(n).map(|n| n as usize)
    }

    fn read_peek(&self, addr: u64, buf: &mut [u8]) -> Result<(), Errno> {
        let start = addr & !7;
        let end = addr.checked_add(buf.len() as u64).ok_or(Errno::EFAULT)?;
        let mut word_addr = start;
        while word_addr < end {
            Errno::clear();
            // SAFETY: PTRACE_PEEKDATA reads one word of the stopped tracee; no local memory is
            // written by the kernel. Errors are reported through errno, checked below.
            let word = unsafe {
                libc::ptrace(
                    libc::PTRACE_PEEKDATA,
                    self.pid,
                    word_addr as *mut libc::c_void,
                    0,
                )
            };
            if word == -1 && Errno::last_raw() != 0 {
                return Err(Errno::last());
            }
            let bytes = word.to_ne_bytes();
            for (i, b) in bytes.iter().enumerate() {
                let a = word_addr + i as u64;
                if a >= addr && a < end {
                    buf[(a - addr) as usize] = *b;
                }
            }
            word_addr += 8;
        }
        Ok(())
    }
}

impl Memory for TraceeMemory {
    fn read(&self, addr: u64, buf: &mut [u8]) -> Result<(), Errno> {
        if buf.is_empty() {
            return Ok(());
        }
        if !self.peek_only.get() {
            match self.read_vm(addr, buf) {
                Ok(n) if n == buf.len() => return Ok(()),
                Ok(_) | Err(Errno::EFAULT) => return Err(Errno::EFAULT),
                Err(Errno::ESRCH) => return Err(Errno::ESRCH),
                Err(_) => self.peek_only.set(true),
            }
        }
        self.read_peek(addr, buf)
    }
}

/// Memory made of a few byte ranges, for testing decoders without a tracee.
#[cfg(test)]
#[derive(Default)]
pub struct FakeMemory {
    regions: Vec<(u64, Vec<u8>)>,
}

#[cfg(test)]
impl FakeMemory {
    pub fn new() -> Self {
        FakeMemory::default()
    }

    /// Maps `bytes` at `addr`, followed by zeros to the end of the page as a real mapping (a
    /// region may end at the top of the address space).
    pub fn with(mut self, addr: u64, bytes: &[u8]) -> Self {
        let mut bytes = bytes.to_vec();
        let end = addr.wrapping_add(bytes.len() as u64);
        bytes.resize(bytes.len() + ((PAGE - end % PAGE) % PAGE) as usize, 0);
        self.regions.push((addr, bytes));
        self
    }
}

#[cfg(test)]
impl Memory for FakeMemory {
    fn read(&self, addr: u64, buf: &mut [u8]) -> Result<(), Errno> {
        let end = u128::from(addr) + buf.len() as u128;
        for (start, bytes) in &self.regions {
            if addr >= *start && end <= u128::from(*start) + bytes.len() as u128 {
                let off = (addr - start) as usize;
                buf.copy_from_slice(&bytes[off..off + buf.len()]);
                return Ok(());
            }
        }
        Err(Errno::EFAULT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cstr_stops_at_nul() {
        let mem = FakeMemory::new().with(0x1000, b"abc\0def");
        let mut buf = [0u8; 16];
        assert_eq!(
            mem.read_cstr(0x1000, &mut buf),
            Ok(CStr {
                len: 3,
                found_nul: true
            })
        );
        assert_eq!(&buf[..3], b"abc");
    }

    #[test]
    fn cstr_without_nul_fills_buffer() {
        let mem = FakeMemory::new().with(0x1000, b"abcdefgh");
        let mut buf = [0u8; 4];
        assert_eq!(
            mem.read_cstr(0x1000, &mut buf),
            Ok(CStr {
                len: 4,
                found_nul: false
            })
        );
    }

    #[test]
    fn unreadable_is_an_error() {
        let mem = FakeMemory::new();
        let mut buf = [0u8; 4];
        assert_eq!(mem.read_cstr(0x8, &mut buf), Err(Errno::EFAULT));
    }

    #[test]
    fn reads_own_memory_with_process_vm_readv() {
        let data = *b"hello, tracee";
        let mem = TraceeMemory::new(std::process::id() as i32);
        let mut buf = [0u8; 13];
        mem.read(data.as_ptr() as u64, &mut buf).unwrap();
        assert_eq!(&buf, b"hello, tracee");
        assert_eq!(mem.read(8, &mut buf), Err(Errno::EFAULT));
    }
}

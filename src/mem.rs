//! Reading tracee memory, and writing it for `-e inject=...:poke_enter=`.
//!
//! `process_vm_readv` reads a whole buffer in one system call; it is tried first and
//! `PTRACE_PEEKDATA` (one word per call) is the fallback for kernels or setups that refuse it.
//! Writing is the same with `process_vm_writev` and `PTRACE_POKEDATA`, which also writes pages
//! the tracee may not write. Decoders see memory only through the [`Memory`] trait, so tests can
//! hand them fake memory.

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
    /// A string running into an unreadable page after some bytes is reported to
    /// [`Memory::short_read`], as strace's umovestr reports it.
    fn read_cstr(&self, addr: u64, buf: &mut [u8]) -> Result<CStr, Errno> {
        self.read_cstr_part(addr, buf).map_err(|(err, nread)| {
            if nread > 0 {
                self.short_read(addr, nread, buf.len(), err);
            }
            err
        })
    }

    /// [`Memory::read_cstr`] without the report: on failure, the error and how many bytes
    /// (without a NUL) were read before it.
    fn read_cstr_part(&self, addr: u64, buf: &mut [u8]) -> Result<CStr, (Errno, usize)> {
        let mut done = 0usize;
        while done < buf.len() {
            let at = addr.wrapping_add(done as u64);
            let to_page_end = (PAGE - at % PAGE) as usize;
            let chunk = to_page_end.min(buf.len() - done);
            // A string running into an unreadable page has no end to show either: strace prints
            // the address then, so any failure is the caller's failure.
            self.read(at, &mut buf[done..done + chunk])
                .map_err(|e| (e, done))?;
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

    /// A string of at most `len` bytes at `addr` ran into memory that could not be read (`err`)
    /// after `nread` bytes without a NUL. The tracee's memory says so on stderr as strace does;
    /// fake memory says nothing.
    fn short_read(&self, _addr: u64, _nread: usize, _len: usize, _err: Errno) {}

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
    /// Set once `process_vm_writev` fails with ENOSYS, so it is not tried again (strace's
    /// `process_vm_writev_not_supported`).
    poke_only: std::cell::Cell<bool>,
    /// The last pages read whole: a decoder reads a structure, then the strings and arrays it
    /// points to, often in a few pages (an iovec array and its buffers), and strace reads such
    /// pages once too. Forgotten whenever the tracee may have run or been written to
    /// (`set_pid`, `write`).
    pages: std::cell::RefCell<[CachedPage; CACHED_PAGES]>,
}

/// How many pages [`TraceeMemory::pages`] keeps; reads over more go to the kernel directly.
const CACHED_PAGES: usize = 4;

/// See [`TraceeMemory::pages`]; `used` orders them (the larger, the more recent).
struct CachedPage {
    addr: Option<u64>,
    used: u64,
    bytes: Box<[u8; PAGE as usize]>,
}

impl CachedPage {
    fn new() -> Self {
        CachedPage {
            addr: None,
            used: 0,
            bytes: Box::new([0; PAGE as usize]),
        }
    }
}

impl TraceeMemory {
    pub fn new(pid: libc::pid_t) -> Self {
        TraceeMemory {
            pid,
            peek_only: std::cell::Cell::new(false),
            poke_only: std::cell::Cell::new(false),
            pages: std::cell::RefCell::new(std::array::from_fn(|_| CachedPage::new())),
        }
    }

    /// Reads of process `pid` follow, at a stop (what was read before may have changed).
    pub fn set_pid(&mut self, pid: libc::pid_t) {
        self.pid = pid;
        self.forget_pages();
    }

    fn forget_pages(&self) {
        for page in self.pages.borrow_mut().iter_mut() {
            page.addr = None;
        }
    }

    /// A read of at most [`CACHED_PAGES`] pages, served from those pages read whole; `None`
    /// when one cannot be read whole (the caller reads just what it wants).
    fn read_cached(&self, addr: u64, buf: &mut [u8]) -> Option<()> {
        let mut pages = self.pages.borrow_mut();
        let mut done = 0;
        while done < buf.len() {
            let at = addr.checked_add(done as u64)?;
            let page_addr = at & !(PAGE - 1);
            let offset = (at - page_addr) as usize;
            let n = (PAGE as usize - offset).min(buf.len() - done);
            let clock = pages.iter().map(|p| p.used).max().unwrap_or(0) + 1;
            let slot = match pages.iter().position(|p| p.addr == Some(page_addr)) {
                Some(hit) => hit,
                None => {
                    let (oldest, _) = pages.iter().enumerate().min_by_key(|(_, p)| p.used)?;
                    let page = &mut pages[oldest];
                    page.addr = None;
                    if self.read_vm(page_addr, &mut page.bytes[..]).ok()? != PAGE as usize {
                        return None;
                    }
                    page.addr = Some(page_addr);
                    oldest
                }
            };
            let page = &mut pages[slot];
            page.used = clock;
            buf[done..done + n].copy_from_slice(&page.bytes[offset..offset + n]);
            done += n;
        }
        Some(())
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
            let bytes = crate::ptrace::peek_word(self.pid, word_addr)?.to_ne_bytes();
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
        let few_pages = (addr % PAGE) + buf.len() as u64 <= PAGE * CACHED_PAGES as u64 / 2;
        if !self.peek_only.get() && few_pages && self.read_cached(addr, buf).is_some() {
            return Ok(());
        }
        if !self.peek_only.get() {
            match self.read_vm(addr, buf) {
                Ok(n) if n == buf.len() => return Ok(()),
                // A read that stops part way, as strace's umoven reports it (a read of nothing
                // at all it does not report).
                Ok(n) if n > 0 => {
                    crate::msg::error(format_args!(
                        "umoven: short read ({n} < {}) @{addr:#x}",
                        buf.len()
                    ));
                    return Err(Errno::EFAULT);
                }
                Ok(_) | Err(Errno::EFAULT) => return Err(Errno::EFAULT),
                Err(Errno::ESRCH) => return Err(Errno::ESRCH),
                Err(_) => self.peek_only.set(true),
            }
        }
        self.read_peek(addr, buf)
    }

    fn short_read(&self, addr: u64, nread: usize, len: usize, err: Errno) {
        // strace names the function that noticed: its word-by-word reader when
        // process_vm_readv does not work.
        let func = if self.peek_only.get() {
            "umovestr_peekdata"
        } else {
            "umovestr"
        };
        crate::msg::error(format_args!(
            "{func}: short read ({nread} < {len}) @{addr:#x}: {}",
            crate::table::strerror(err as i32)
        ));
    }
}

impl TraceeMemory {
    /// Writes `data` at `addr` of the tracee, stopped: with `process_vm_writev`, else (a page
    /// it cannot write, or the call refused) word by word with `PTRACE_POKEDATA`. Returns how
    /// many bytes were written from the start; a part written, or a failure other than an
    /// inaccessible address, is reported on stderr in strace's words (its ucopy.c `upoken`).
    pub fn write(&self, addr: u64, data: &[u8]) -> usize {
        self.forget_pages();
        let pid = self.pid;
        if self.poke_only.get() {
            return self.write_poke(addr, data);
        }
        match self.write_vm(addr, data) {
            Ok(n) if n == data.len() => n,
            Ok(n) => {
                crate::msg::error(format_args!(
                    "upoken: pid:{pid} short write ({n} < {}) @{addr:#x}",
                    data.len()
                ));
                n
            }
            Err(e @ (Errno::ENOSYS | Errno::EPERM | Errno::EFAULT | Errno::EIO)) => {
                if e == Errno::ENOSYS {
                    self.poke_only.set(true);
                }
                self.write_poke(addr, data)
            }
            Err(Errno::ESRCH) => 0,
            Err(e) => {
                crate::msg::error(format_args!(
                    "upoken: pid:{pid} @{addr:#x}: {}",
                    crate::table::strerror(e as i32)
                ));
                0
            }
        }
    }

    fn write_vm(&self, addr: u64, data: &[u8]) -> Result<usize, Errno> {
        let local = libc::iovec {
            iov_base: data.as_ptr().cast_mut().cast(),
            iov_len: data.len(),
        };
        let remote = libc::iovec {
            iov_base: addr as *mut libc::c_void,
            iov_len: data.len(),
        };
        // SAFETY: `local` describes `data`, valid for reads of `data.len()` bytes, which the
        // kernel only reads; the remote range is checked by the kernel against the tracee's
        // mappings.
        let n = unsafe { libc::process_vm_writev(self.pid, &local, 1, &remote, 1, 0) };
        Errno::result(n).map(|n| n as usize)
    }

    /// [`TraceeMemory::write`] word by word: a word only partly covered by `data` is read
    /// first and written back with its other bytes unchanged.
    fn write_poke(&self, addr: u64, data: &[u8]) -> usize {
        let pid = self.pid;
        let mut written = 0usize;
        let mut word_addr = addr & !7;
        let mut offset = (addr & 7) as usize;
        while written < data.len() {
            let n = (8 - offset).min(data.len() - written);
            let part = &data[written..written + n];
            if let Err(e) = self.poke_part(word_addr, offset, part) {
                let left = data.len() - written;
                match e {
                    Errno::ESRCH | Errno::EINVAL => {}
                    Errno::EFAULT | Errno::EIO | Errno::EPERM if written == 0 => {}
                    Errno::EFAULT | Errno::EIO | Errno::EPERM => crate::msg::error(format_args!(
                        "upoken_pokedata: pid:{pid} short write ({written} < {}) @{:#x}: {}",
                        written + left,
                        addr,
                        crate::table::strerror(e as i32)
                    )),
                    _ => crate::msg::error(format_args!(
                        "upoken_pokedata: pid:{pid} @{word_addr:#x}: {}",
                        crate::table::strerror(e as i32)
                    )),
                }
                return written;
            }
            written += n;
            word_addr = word_addr.wrapping_add(8);
            offset = 0;
        }
        written
    }

    /// Writes `part` into the word at `word_addr` from byte `offset` on.
    fn poke_part(&self, word_addr: u64, offset: usize, part: &[u8]) -> Result<(), Errno> {
        let mut bytes = if part.len() == 8 {
            [0; 8]
        } else {
            crate::ptrace::peek_word(self.pid, word_addr)?.to_ne_bytes()
        };
        bytes[offset..offset + part.len()].copy_from_slice(part);
        crate::ptrace::poke_word(self.pid, word_addr, u64::from_ne_bytes(bytes))
    }
}

/// Memory made of a few byte ranges, for testing decoders without a tracee.
#[cfg(test)]
#[derive(Default, Clone)]
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
    fn writes_own_memory_with_process_vm_writev() {
        let mut data = vec![b'.'; 16];
        let addr = data.as_mut_ptr() as u64;
        let mem = TraceeMemory::new(std::process::id() as i32);
        assert_eq!(mem.write(addr + 3, b"poked"), 5);
        std::hint::black_box(&mut data);
        assert_eq!(&data[..], b"...poked........");
        // Nothing can be written at an unmapped address (and this process is no tracee, so
        // PTRACE_POKEDATA cannot either).
        assert_eq!(mem.write(8, b"x"), 0);
    }

    #[test]
    fn strerror_says_what_glibc_says() {
        assert_eq!(crate::table::strerror(libc::EIO), "Input/output error");
        assert_eq!(crate::table::strerror(libc::EFAULT), "Bad address");
        assert_eq!(crate::table::strerror(41), "Unknown error 41");
        assert_eq!(crate::table::strerror(512), "Unknown error 512");
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

    /// A page once read is served from the cache until the tracee may have run (`set_pid`,
    /// at every stop) or was written to; a read across pages uses each of them.
    #[test]
    fn pages_are_read_once_per_stop() {
        let mut data = Box::new([7u8; 3 * PAGE as usize]);
        let at = data.as_ptr() as u64;
        let mut mem = TraceeMemory::new(std::process::id() as i32);
        let mut buf = [0u8; 4];
        mem.read(at + PAGE - 2, &mut buf).unwrap();
        assert_eq!(buf, [7; 4]);
        // Changed behind the tracer's back (as a running tracee would): still the read pages.
        data[PAGE as usize - 2] = 1;
        data[PAGE as usize + 1] = 2;
        let mut again = [0u8; 4];
        mem.read(std::hint::black_box(at) + PAGE - 2, &mut again)
            .unwrap();
        assert_eq!(again, [7; 4]);
        // At the next stop, what is there now.
        mem.set_pid(std::process::id() as i32);
        mem.read(at + PAGE - 2, &mut again).unwrap();
        assert_eq!(again, [1, 7, 7, 2]);
        std::hint::black_box(&data);
    }
}

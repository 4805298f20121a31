//! `-e read=` / `-e write=`: the hex dump lines strace writes after a call's line, of the data
//! the call moved ([`Transfer`], decided by `decode::transfer`).
//!
//! As strace's dumpio: a buffer is dumped whole; an iovec array buffer by buffer
//! (` * 3 bytes in buffer 0`), up to the bytes moved and stopping at the first empty one, and
//! nothing if the array cannot be read; an mmsghdr vector message by message
//! (` = 2 buffers in vector 0`). Memory that stops being readable after a first chunk is said
//! (` | <Cannot fetch 4096 bytes from pid 12 @0x7f...>`).

use crate::decode::{Moved, Transfer};
use crate::mem::Memory;
use crate::output::Output;
use crate::text;
use std::io::Write;

/// strace reads a dumped buffer this much at a time.
const CHUNK: usize = 1 << 16;
/// `struct iovec`, `struct msghdr` and `struct mmsghdr` on x86_64 (`<bits/socket.h>`).
const IOVEC_SIZE: u64 = 16;
const MMSGHDR_SIZE: u64 = 64;
/// The offsets of `msg_iov` and `msg_iovlen` in a `struct msghdr`, and of `msg_len` in a
/// `struct mmsghdr`.
const MSG_IOV: u64 = 16;
const MSG_IOVLEN: u64 = 24;
const MSG_LEN: u64 = 56;

/// Writes the dump of `t`, made by process `pid`, after its line.
pub fn dump<M: Memory>(out: &mut Output, mem: &M, pid: i32, t: Transfer) {
    let mut d = Dumper { out, mem, pid };
    match t.data {
        Moved::Buffer { addr, len } => d.buffer(addr, len),
        Moved::Iov { addr, count, limit } => d.iovecs(addr, count, limit),
        Moved::Msghdr { addr, limit } => {
            if let Some((iov, count)) = d.msghdr(addr) {
                d.iovecs(iov, count, limit);
            }
        }
        Moved::Mmsghdr { addr, count } => d.mmsghdrs(addr, count),
    }
}

struct Dumper<'a, M> {
    out: &'a mut Output,
    mem: &'a M,
    pid: i32,
}

impl<M: Memory> Dumper<'_, M> {
    fn word(&self, addr: u64) -> Option<u64> {
        let mut b = [0u8; 8];
        self.mem.read(addr, &mut b).ok()?;
        Some(u64::from_ne_bytes(b))
    }

    /// A `struct msghdr`'s iovec array and count.
    fn msghdr(&self, addr: u64) -> Option<(u64, u64)> {
        let iov = self.word(addr.checked_add(MSG_IOV)?)?;
        let count = self.word(addr.checked_add(MSG_IOVLEN)?)?;
        Some((iov, count))
    }

    fn mmsghdrs(&mut self, addr: u64, count: u64) {
        for i in 0..count {
            // Tracee values: every sum is checked (a vector at the top of the address space
            // ends the dump, it does not overflow).
            let Some(at) = i
                .checked_mul(MMSGHDR_SIZE)
                .and_then(|o| addr.checked_add(o))
            else {
                return;
            };
            let len = at.checked_add(MSG_LEN).and_then(|a| self.word(a));
            let (Some((iov, iovlen)), Some(len)) = (self.msghdr(at), len) else {
                return;
            };
            let _ = write!(self.out.buf(), " = {iovlen} buffers in vector {i}");
            self.out.end_line();
            self.iovecs(iov, iovlen, len & 0xffff_ffff);
        }
    }

    /// `count` iovecs at `addr` (strace takes the count as an `int`), `limit` bytes in all.
    fn iovecs(&mut self, addr: u64, count: u64, mut limit: u64) {
        let count = u64::from(count as u32);
        let Some(end) = count
            .checked_mul(IOVEC_SIZE)
            .and_then(|size| addr.checked_add(size))
        else {
            return;
        };
        // strace reads the whole array first and dumps nothing if it cannot.
        if !self.readable(addr, end) {
            return;
        }
        for i in 0..count {
            let at = addr + i * IOVEC_SIZE;
            let (Some(base), Some(len)) = (self.word(at), self.word(at + 8)) else {
                return;
            };
            let len = len.min(limit);
            if len == 0 {
                return;
            }
            limit -= len;
            let _ = write!(self.out.buf(), " * {len} bytes in buffer {i}");
            self.out.end_line();
            self.buffer(base, len);
        }
    }

    fn readable(&self, mut from: u64, end: u64) -> bool {
        let mut page = [0u8; 4096];
        while from < end {
            let n = (end - from).min(page.len() as u64) as usize;
            if self.mem.read(from, &mut page[..n]).is_err() {
                return false;
            }
            from += n as u64;
        }
        true
    }

    /// `len` bytes at `addr`, 16 a line, read 64 KiB at a time.
    fn buffer(&mut self, addr: u64, len: u64) {
        if len.checked_add(16).is_none() || addr.checked_add(len).is_none() {
            return;
        }
        // Offsets have five hex digits, or as many as the largest one needs past 1 MiB.
        let width = if len > 1 << 20 {
            1 + (63 - (len - 1).leading_zeros()) as usize / 4
        } else {
            5
        };
        let mut chunk = vec![0u8; (len.next_multiple_of(16) as usize).min(CHUNK)];
        let mut done = 0u64;
        while done < len {
            let n = (len - done).min(chunk.len() as u64) as usize;
            if self.mem.read(addr + done, &mut chunk[..n]).is_err() {
                if done > 0 {
                    let s = if n == 1 { "" } else { "s" };
                    let at = addr + done;
                    let _ = write!(
                        self.out.buf(),
                        " | <Cannot fetch {n} byte{s} from pid {} @{at:#x}>",
                        self.pid
                    );
                    self.out.end_line();
                }
                return;
            }
            for (i, line) in chunk[..n].chunks(16).enumerate() {
                text::write_dump_line(self.out.buf(), width, done + i as u64 * 16, line);
                self.out.end_line();
            }
            done += n as u64;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::tests::Captured;
    use crate::mem::FakeMemory;
    use crate::output::Format;

    fn dumped(mem: &FakeMemory, data: Moved) -> Vec<String> {
        let captured = Captured::default();
        let mut out = Output::new(Box::new(captured.clone()), None, false, Format::default());
        let t = Transfer {
            fd: 1,
            read: false,
            data,
        };
        dump(&mut out, mem, 42, t);
        out.flush();
        captured.text().lines().map(String::from).collect()
    }

    fn iov(pairs: &[(u64, u64)]) -> Vec<u8> {
        pairs
            .iter()
            .flat_map(|(b, l)| [b.to_ne_bytes(), l.to_ne_bytes()].concat())
            .collect()
    }

    #[test]
    fn buffers_whole_and_up_to_unreadable_memory() {
        let mem = FakeMemory::new().with(0x1000, b"0123456789abcdefXY");
        assert_eq!(
            dumped(
                &mem,
                Moved::Buffer {
                    addr: 0x1000,
                    len: 18
                }
            ),
            [
                " | 00000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  0123456789abcdef |",
                " | 00010  58 59                                             XY               |",
            ]
        );
        // Nothing when the first chunk cannot be read, or the length wraps.
        assert!(
            dumped(
                &mem,
                Moved::Buffer {
                    addr: 0x9000,
                    len: 4
                }
            )
            .is_empty()
        );
        assert!(
            dumped(
                &mem,
                Moved::Buffer {
                    addr: 0x1000,
                    len: u64::MAX
                }
            )
            .is_empty()
        );
        // A chunk past readable memory after a first one is said.
        let big = FakeMemory::new().with(0x10000, &vec![b'a'; CHUNK]);
        let lines = dumped(
            &big,
            Moved::Buffer {
                addr: 0x10000,
                len: CHUNK as u64 + 1,
            },
        );
        assert_eq!(lines.len(), CHUNK / 16 + 1);
        assert_eq!(
            lines.last().unwrap(),
            " | <Cannot fetch 1 byte from pid 42 @0x20000>"
        );
    }

    #[test]
    fn offsets_widen_past_one_mebibyte() {
        let len = (1 << 20) + 1;
        let mem = FakeMemory::new().with(0x100000, &vec![0u8; len]);
        let lines = dumped(
            &mem,
            Moved::Buffer {
                addr: 0x100000,
                len: len as u64,
            },
        );
        assert!(lines[0].starts_with(" | 000000  00 "), "{}", lines[0]);
        assert!(lines.last().unwrap().starts_with(" | 100000  00 "));
    }

    #[test]
    fn iovecs_buffer_by_buffer_up_to_the_limit() {
        let mem = FakeMemory::new()
            .with(
                0x2000,
                &iov(&[(0x3000, 3), (0x3003, 5), (0x3008, 0), (0x3008, 2)]),
            )
            .with(0x3000, b"0123456789");
        assert_eq!(
            dumped(
                &mem,
                Moved::Iov {
                    addr: 0x2000,
                    count: 4,
                    limit: 6
                }
            ),
            [
                " * 3 bytes in buffer 0",
                " | 00000  30 31 32                                          012              |",
                " * 3 bytes in buffer 1",
                " | 00000  33 34 35                                          345              |",
            ]
        );
        // An empty buffer ends the dump; an array that cannot be read whole dumps nothing.
        assert_eq!(
            dumped(
                &mem,
                Moved::Iov {
                    addr: 0x2000,
                    count: 4,
                    limit: u64::MAX
                }
            )
            .len(),
            4
        );
        assert!(
            dumped(
                &mem,
                Moved::Iov {
                    addr: 0x2ff0,
                    count: 2,
                    limit: 9
                }
            )
            .is_empty()
        );
    }

    #[test]
    fn vectors_at_the_top_of_the_address_space_end_the_dump() {
        // A msghdr that fits below the top of memory but whose msg_len does not, and a count
        // whose offsets overflow: nothing is dumped, nothing overflows.
        let mut msg = vec![0u8; 56];
        msg[16..24].copy_from_slice(&0x2000u64.to_ne_bytes());
        msg[24..32].copy_from_slice(&1u64.to_ne_bytes());
        let top = u64::MAX - 55;
        let mem = FakeMemory::new().with(top, &msg);
        for (addr, count) in [(top, 1), (0x1000, u64::MAX)] {
            assert!(dumped(&mem, Moved::Mmsghdr { addr, count }).is_empty());
        }
    }

    #[test]
    fn mmsghdr_vectors_message_by_message() {
        let mut msg = vec![0u8; 64];
        msg[16..24].copy_from_slice(&0x2000u64.to_ne_bytes());
        msg[24..32].copy_from_slice(&1u64.to_ne_bytes());
        msg[56..60].copy_from_slice(&2u32.to_ne_bytes());
        let mem = FakeMemory::new()
            .with(0x1000, &msg)
            .with(0x2000, &iov(&[(0x3000, 4)]))
            .with(0x3000, b"abcd");
        assert_eq!(
            dumped(
                &mem,
                Moved::Mmsghdr {
                    addr: 0x1000,
                    count: 1
                }
            ),
            [
                " = 1 buffers in vector 0",
                " * 2 bytes in buffer 0",
                " | 00000  61 62                                             ab               |",
            ]
        );
        assert_eq!(
            dumped(
                &mem,
                Moved::Msghdr {
                    addr: 0x1000,
                    limit: u64::MAX
                }
            )[0],
            " * 4 bytes in buffer 0"
        );
    }
}

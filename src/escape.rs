//! C string escaping as strace writes strings, paths and names: one place for the text
//! renderer and the line prefix.

use std::io::Write;

/// When strings print in hex (`-x`, `-xx`, `--strings-in-hex=`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum HexStrings {
    /// C escapes, octal for other bytes (the default).
    #[default]
    Never,
    /// `-x`: a string with a byte that needs escaping prints wholly in hex.
    NonAscii,
    /// `--strings-in-hex=non-ascii-chars`: only those bytes in hex.
    NonAsciiChars,
    /// `-xx`: every string wholly in hex.
    All,
}

/// Whether a byte needs an escape other than its name: not printable ASCII and not one of the
/// whitespace characters `\t \n \v \f \r`.
fn is_odd(c: u8) -> bool {
    !(0x20..=0x7e).contains(&c) && !(b'\t'..=b'\r').contains(&c)
}

/// Whether `bytes` print wholly in hex escapes under `hex`.
pub fn all_hex(bytes: &[u8], hex: HexStrings) -> bool {
    match hex {
        HexStrings::All => true,
        HexStrings::NonAscii => bytes.iter().any(|&c| is_odd(c)),
        HexStrings::Never | HexStrings::NonAsciiChars => false,
    }
}

/// Escapes `bytes` into a C string literal body as strace does: `\t \n \v \f \r \" \\` by
/// name, other unprintable bytes in octal, three digits only when a digit 0-7 follows (so the
/// escape cannot swallow it); or in hex under `-x`, `-xx`, `--strings-in-hex`. The printable
/// bytes of `also` are escaped too (strace escapes `<` and `>` in a descriptor's path, which
/// it shows between them).
pub fn escape_with(out: &mut Vec<u8>, bytes: &[u8], hex: HexStrings, also: &[u8]) {
    if all_hex(bytes, hex) {
        for b in bytes {
            let _ = write!(out, "\\x{b:02x}");
        }
        return;
    }
    // Runs of bytes that print as they are go in whole; the loop below sees only the rest.
    let plain = |c: u8| (0x20..=0x7e).contains(&c) && c != b'"' && c != b'\\' && !also.contains(&c);
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().position(|&c| !plain(c));
        let end = run.map_or(bytes.len(), |n| i + n);
        out.extend_from_slice(&bytes[i..end]);
        i = end;
        let Some(&c) = bytes.get(i) else { break };
        escape_byte(out, c, bytes.get(i + 1).copied(), hex);
        i += 1;
    }
}

/// One byte that does not print as itself, `next` the byte after it: by name, in hex under
/// `--strings-in-hex=non-ascii-chars`, else in octal.
fn escape_byte(out: &mut Vec<u8>, c: u8, next: Option<u8>, hex: HexStrings) {
    match c {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'\t' => out.extend_from_slice(b"\\t"),
        b'\n' => out.extend_from_slice(b"\\n"),
        0x0b => out.extend_from_slice(b"\\v"),
        0x0c => out.extend_from_slice(b"\\f"),
        b'\r' => out.extend_from_slice(b"\\r"),
        _ if hex == HexStrings::NonAsciiChars => {
            let _ = write!(out, "\\x{c:02x}");
        }
        _ => {
            out.push(b'\\');
            let next_is_octal_digit = matches!(next, Some(b'0'..=b'7'));
            if next_is_octal_digit || c >= 0o100 {
                out.push(b'0' + (c >> 6));
            }
            if next_is_octal_digit || c >= 0o10 {
                out.push(b'0' + ((c >> 3) & 7));
            }
            out.push(b'0' + (c & 7));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The escaping a byte at a time: the reference the runs must match.
    fn byte_by_byte(bytes: &[u8], hex: HexStrings, also: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        if all_hex(bytes, hex) {
            for b in bytes {
                let _ = write!(out, "\\x{b:02x}");
            }
            return out;
        }
        for (i, &c) in bytes.iter().enumerate() {
            if (0x20..=0x7e).contains(&c) && !b"\"\\".contains(&c) && !also.contains(&c) {
                out.push(c);
            } else {
                escape_byte(&mut out, c, bytes.get(i + 1).copied(), hex);
            }
        }
        out
    }

    /// `escape_with` appends: what it wrote after something already there.
    fn escaped(bytes: &[u8], hex: HexStrings, also: &[u8]) -> Vec<u8> {
        let mut out = b"prefix".to_vec();
        escape_with(&mut out, bytes, hex, also);
        out.split_off(6)
    }

    #[test]
    fn strace_escapes() {
        let e = |b: &[u8]| String::from_utf8(escaped(b, HexStrings::Never, b"")).unwrap();
        assert_eq!(e(b"/etc/ld.so.cache"), "/etc/ld.so.cache");
        assert_eq!(
            e(b"a\"b\\c\td\ne\x0bf\x0cg\rh"),
            "a\\\"b\\\\c\\td\\ne\\vf\\fg\\rh"
        );
        assert_eq!(e(b"\x00\x01x\x007\x7f\xff"), "\\0\\1x\\0007\\177\\377");
        assert_eq!(e(b"\x08"), "\\10");
        assert_eq!(e(b"\x081"), "\\0101");
        assert_eq!(e(b""), "");
        assert_eq!(escaped(b"<x>", HexStrings::Never, b"<>"), b"\\74x\\76");
        assert_eq!(
            escaped(b"<\x01", HexStrings::NonAsciiChars, b"<>"),
            b"\\x3c\\x01"
        );
        assert_eq!(escaped(b"ab", HexStrings::All, b""), b"\\x61\\x62");
        assert_eq!(escaped(b"a\x01", HexStrings::NonAscii, b""), b"\\x61\\x01");
        assert_eq!(escaped(b"a\xc3", HexStrings::NonAsciiChars, b""), b"a\\xc3");
    }

    /// Every mode, on strings mixing plain runs with every kind of byte at every position.
    #[test]
    fn runs_escape_as_single_bytes_do() {
        let alphabet = b"ab7<>\"\\\t\n\x0b\x0c\r\x00\x01\x08\x1f\x7f\x80\xff 0";
        let modes = [
            HexStrings::Never,
            HexStrings::NonAscii,
            HexStrings::NonAsciiChars,
            HexStrings::All,
        ];
        let mut state = 0x9e37_79b9_u32;
        for _ in 0..4000 {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let len = (state % 12) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|k| alphabet[(state.rotate_left(k as u32 * 5) as usize) % alphabet.len()])
                .collect();
            for hex in modes {
                for also in [&b""[..], b"<>"] {
                    assert_eq!(
                        escaped(&bytes, hex, also),
                        byte_by_byte(&bytes, hex, also),
                        "{bytes:?} {hex:?} {also:?}"
                    );
                }
            }
        }
    }
}

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
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0b => out.extend_from_slice(b"\\v"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e if !also.contains(&c) => out.push(c),
            _ if hex == HexStrings::NonAsciiChars => {
                let _ = write!(out, "\\x{c:02x}");
            }
            _ => {
                out.push(b'\\');
                let next_is_octal_digit = matches!(bytes.get(i + 1), Some(b'0'..=b'7'));
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
}

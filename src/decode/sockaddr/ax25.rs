//! AX.25 addresses (`<linux/ax25.h>`): a callsign with its SSID, and the digipeaters of a
//! full address.

use super::{Addr, SOCKADDR_AX25};
use crate::decode::{Ctx, Group, Sink, Values};
use crate::mem::Memory;

/// `AX25_MAX_DIGIS` (`<linux/ax25.h>`): the most digipeaters a full address holds.
const AX25_MAX_DIGIS: usize = 8;
/// `sizeof(ax25_address)`: six shifted characters and an SSID byte.
const AX25_ADDR: usize = 7;

/// `struct full_sockaddr_ax25`: a `struct sockaddr_ax25` (callsign at 2, digipeater count at
/// 12), then up to eight digipeaters from 16. With no digipeaters and nothing past the
/// `sockaddr_ax25`, its fields show alone; otherwise as `fsa_ax25` beside the digipeaters the
/// length holds (no more than `-s` of them by default), with `...` for those it cuts off and
/// for bytes past the last one.
pub(super) fn ax25<S: Sink, M: Memory>(sink: &mut S, ctx: &Ctx<'_, M>, sa: Addr) {
    let ndigis = sa.raw.i32(12);
    let full = ndigis != 0 || sa.len > SOCKADDR_AX25;
    if full {
        sink.field("fsa_ax25");
        sink.begin_struct();
    }
    sink.field("sax25_call");
    ax25_call(sink, sa.raw.array(2));
    sink.field("sax25_ndigis");
    sink.int(i64::from(ndigis));
    if !full {
        return;
    }
    sink.end_struct(false);
    let has = ((sa.len - SOCKADDR_AX25) / AX25_ADDR).min(AX25_MAX_DIGIS);
    let want = usize::try_from(ndigis).map_or(0, |n| n.min(AX25_MAX_DIGIS));
    if want != 0 {
        let digis = has.min(want);
        let shown = match ctx.opts.abbreviate {
            true => digis.min(ctx.opts.max_strlen),
            false => digis,
        };
        sink.field("fsa_digipeater");
        sink.begin_array();
        for i in 0..shown {
            ax25_call(sink, sa.raw.array(SOCKADDR_AX25 + i * AX25_ADDR));
        }
        if shown < digis || want > has {
            sink.more();
        }
        sink.end_array();
    }
    if sa.len > SOCKADDR_AX25 + has * AX25_ADDR {
        sink.more();
    }
}

/// How an AX.25 address can be shown.
#[derive(Debug, PartialEq, Eq)]
enum CallForm {
    /// A callsign of digits and capitals with its SSID: `VALID-13`.
    Name,
    /// Readable, but not a proper callsign: the bytes, and the text in a comment.
    Both,
    /// Not readable: the bytes only.
    Bytes,
}

/// Judges an AX.25 address as strace does. Each of the first six bytes is a character
/// shifted left by one; a proper callsign has digits and capitals, then spaces, and an SSID
/// byte with only the SSID bits (0x1e) set.
fn call_form(call: &[u8; AX25_ADDR]) -> CallForm {
    let mut form = CallForm::Name;
    let (mut space_seen, mut char_seen) = (false, false);
    for &byte in &call[..AX25_ADDR - 1] {
        let c = byte >> 1;
        if byte & 1 != 0 {
            form = CallForm::Both;
        }
        if c == b' ' {
            space_seen = true;
        } else {
            char_seen = true;
            if space_seen {
                form = CallForm::Both;
            }
        }
        if !(c.is_ascii_digit() || c.is_ascii_uppercase() || c == b' ') {
            form = CallForm::Both;
        }
        // A character that cannot be shown, or would end the comment it goes in.
        if !(b' '..=0x7e).contains(&c) || c == b'*' || c == b'/' {
            return CallForm::Bytes;
        }
    }
    let ssid = call[AX25_ADDR - 1];
    if ssid & !0x1e != 0 || (!char_seen && ssid != 0) {
        form = CallForm::Both;
    }
    form
}

/// Writes an AX.25 address as text into `out`: the characters without trailing spaces, `-`
/// and the SSID (`VALID-13`); an empty callsign with SSID 0 is `*`. Returns the length.
fn call_text(call: &[u8; AX25_ADDR], out: &mut [u8; AX25_ADDR + 3]) -> usize {
    let chars = &call[..AX25_ADDR - 1];
    let end = chars
        .iter()
        .rposition(|&b| b >> 1 != b' ')
        .map_or(0, |i| i + 1);
    let ssid = (call[AX25_ADDR - 1] >> 1) & 0xf;
    if end == 0 && ssid == 0 {
        out[0] = b'*';
        return 1;
    }
    let mut n = 0;
    for &b in &chars[..end] {
        out[n] = b >> 1;
        n += 1;
    }
    out[n] = b'-';
    n += 1;
    if ssid > 9 {
        out[n] = b'1';
        n += 1;
    }
    out[n] = b'0' + ssid % 10;
    n + 1
}

/// An AX.25 address: `VALID-13` (its bytes under `-X raw`); `{ax25_call="\x40..."} /* SPA
/// CE-0 */` when it is no proper callsign; `{ax25_call="\x9c..."}` when it cannot be shown
/// as text.
fn ax25_call<S: Sink>(sink: &mut S, call: [u8; AX25_ADDR]) {
    let form = call_form(&call);
    let mut buf = [0u8; AX25_ADDR + 3];
    let len = call_text(&call, &mut buf);
    // Every character of a form with text is printable ASCII (`call_form`).
    let text = std::str::from_utf8(&buf[..len]).unwrap_or("");
    if form == CallForm::Name {
        sink.open(Group::Forms);
    }
    sink.begin_struct();
    sink.field("ax25_call");
    sink.hex_string(&call, false);
    sink.end_struct(false);
    match form {
        CallForm::Name => {
            sink.word(text);
            sink.close();
        }
        CallForm::Both => sink.comment_word(text),
        CallForm::Bytes => {}
    }
}

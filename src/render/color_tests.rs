//! The coloured text (`--color`): whole lines as the text renderer writes them, each checked
//! against what strace 7.2 writes for the same call (its escape sequences where it writes
//! them), and the same lines uncoloured, byte for byte as before.

#[path = "../../tests/common/ansi.rs"]
mod ansi;

use super::text::TextRender;
use super::{End, Exit, Origin, Render};
use crate::color::Palette;
use crate::decode::tests::Captured;
use crate::decode::{Call, Ctx, Outcome, PidNote, Scratch};
use crate::mem::TraceeMemory;
use crate::output::{Format, Output, Outputs};
use ansi::{seqs, stripped};

const NR_CLOSE: u64 = 3;
const NR_MMAP: u64 = 9;
const NR_OPENAT: u64 = 257;
const NR_NEWFSTATAT: u64 = 262;
const NR_WAIT4: u64 = 61;

/// A text renderer writing to the returned buffer, coloured with `palette`; to stderr when
/// `stderr` (where lines of several processes start `[pid N] `), else to a file.
fn renderer(palette: Option<&'static Palette>, stderr: bool) -> (TextRender, Captured) {
    let format = Format {
        column: 40,
        palette,
        ..Format::default()
    };
    renderer_with(format, stderr)
}

fn renderer_with(format: Format, stderr: bool) -> (TextRender, Captured) {
    let captured = Captured::default();
    let out = Output::new(Box::new(captured.clone()), None, false, format);
    let outs = Outputs::Shared {
        out,
        to_file: !stderr,
        follow: false,
    };
    (TextRender::new(outs, false), captured)
}

fn origin(pid: i32, nprocs: usize) -> Origin {
    Origin {
        pid,
        nprocs,
        nr: None,
        ip: None,
        comm: None,
    }
}

/// The whole line of one call, its arguments read from this process's memory.
fn call_line(
    palette: Option<&'static Palette>,
    nr: u64,
    args: [u64; 6],
    outcome: Outcome,
) -> String {
    let format = Format {
        column: 40,
        palette,
        ..Format::default()
    };
    call_line_with(format, nr, args, outcome)
}

fn call_line_with(format: Format, nr: u64, args: [u64; 6], outcome: Outcome) -> String {
    let (mut render, captured) = renderer_with(format, false);
    let mem = TraceeMemory::new(std::process::id() as i32);
    let mut scratch = Scratch::new();
    let mut call = Call::new(nr, args, 0);
    let at = origin(1, 1);
    render.entry(at, &mut call, &mut Ctx::for_test(&mem, &mut scratch));
    let exit = Exit {
        outcome,
        spent: None,
        dump: None,
        marks: Default::default(),
    };
    render.exit(at, &call, exit, &mut Ctx::for_test(&mem, &mut scratch));
    render.finish();
    captured.text()
}

fn palette() -> Option<&'static Palette> {
    Some(Box::leak(Box::default()))
}

/// Checks a call's coloured line (written with the `@` letters of [`seqs`]), and that
/// without colour it is the same text with no sequence.
fn check(nr: u64, args: [u64; 6], outcome: Outcome, expected: &str) {
    let colored = call_line(palette(), nr, args, outcome);
    assert_eq!(colored, seqs(expected));
    assert_eq!(call_line(None, nr, args, outcome), stripped(&colored));
}

#[test]
fn syscall_lines_are_coloured_as_strace_7_colours_them() {
    check(
        NR_CLOSE,
        [3, 0, 0, 0, 0, 0],
        Outcome::Ok(0),
        "@Sclose@P(@V3@R@P)@R                                @P=@R@R @T0@R@R\n",
    );
    let path = c"/etc/passwd";
    check(
        NR_OPENAT,
        [-100i64 as u64, path.as_ptr() as u64, 0o2000000, 0, 0, 0],
        Outcome::Ok(3),
        "@Sopenat@P(@V@CAT_FDCWD@V@P, @V\"/etc/passwd\"@P, @V@CO_RDONLY|O_CLOEXEC@V@R@P)@R \
         @P=@R@R @T3@R@R\n",
    );
    let path = c"/nonexistent";
    check(
        NR_OPENAT,
        [-100i64 as u64, path.as_ptr() as u64, 0, 0, 0, 0],
        Outcome::Err(2),
        "@Sopenat@P(@V@CAT_FDCWD@V@P, @V\"/nonexistent\"@P, @V@CO_RDONLY@V@R@P)@R \
         @P=@R@R @T-1@R @EENOENT@R @E(No such file or directory)@R@R\n",
    );
    // Flags name by name with `|` as punctuation; an unknown errno in the error's colour.
    check(
        NR_MMAP,
        [0, 8192, 3, 0x22, -1i64 as u64, 0],
        Outcome::Err(1234),
        "@Smmap@P(@VNULL@P, @V8192@P, @V@CPROT_READ@V@P|@V@CPROT_WRITE@V@P, \
         @V@CMAP_PRIVATE@V@P|@V@CMAP_ANONYMOUS@V@P, @V-1@P, @V0@R@P)@R @P=@R@R @T-1@R \
         @E(errno 1234)@R@R\n",
    );
}

#[test]
fn structs_fields_and_truncation_are_coloured() {
    // A struct at exit: the entry half's reset comes before the separator the exit writes.
    #[repr(C)]
    struct Stat([u64; 18]);
    let mut st = Stat([0; 18]);
    // st_mode (offset 24) S_IFREG|0644, st_size (offset 48) 3.
    st.0[3] = 0o100644;
    st.0[6] = 3;
    check(
        NR_NEWFSTATAT,
        [
            3,
            c"".as_ptr() as u64,
            &st as *const Stat as u64,
            0x1000,
            0,
            0,
        ],
        Outcome::Ok(0),
        "@Snewfstatat@P(@V3@P, @V\"\"@R@P, @V@P{@V@Nst_mode@P=@VS_IFREG|0644@P, \
         @V@Nst_size@P=@V3@P, @V@P...@V@P}@V@P, @V@CAT_EMPTY_PATH@V@P)@R @P=@R@R @T0@R@R\n",
    );
}

#[test]
fn a_wait_status_and_unfinished_lines_are_coloured() {
    let (mut render, captured) = renderer(palette(), true);
    let mem = TraceeMemory::new(std::process::id() as i32);
    let mut scratch = Scratch::new();
    let status: i32 = 0;
    let mut call = Call::new(
        NR_WAIT4,
        [-1i64 as u64, &status as *const i32 as u64, 0, 0, 0, 0],
        0,
    );
    // Two processes: `[pid N] ` prefixes; the other's line cuts this one.
    render.entry(
        origin(7, 2),
        &mut call,
        &mut Ctx::for_test(&mem, &mut scratch),
    );
    render.gone(origin(8, 2), End::Exited(0));
    let exit = Exit {
        outcome: Outcome::Ok(8),
        spent: None,
        dump: None,
        marks: Default::default(),
    };
    render.exit(
        origin(7, 2),
        &call,
        exit,
        &mut Ctx::for_test(&mem, &mut scratch),
    );
    render.unfinished(origin(7, 2), Some(&Call::new(231, [0; 6], 0)));
    render.finish();
    let text = captured.text();
    assert_eq!(
        text,
        seqs(
            "@P[@Vpid     7@P]@V @Swait4@P(@V-1@R@P, @V <unfinished ...>@R\n\
             @P[@Vpid     8@P]@V +++ exited with 0 +++@R\n\
             @P[@Vpid     7@P]@V <... wait4 resumed>@P[@V{WIFEXITED(s) && WEXITSTATUS(s) == 0}\
             @P]@V@P, @V0@P, @VNULL@P)@R @P=@R@R @T8@R@R\n\
             @P[@Vpid     7@P]@V <... exit_group resumed>@P)@R   @P=@R@R @T?@R@R\n"
        )
    );
}

#[test]
fn signal_and_exit_lines_are_coloured() {
    let (mut render, captured) = renderer(palette(), false);
    let mut siginfo = [0u8; 128];
    siginfo[0..4].copy_from_slice(&10i32.to_ne_bytes());
    siginfo[16..20].copy_from_slice(&1234i32.to_ne_bytes());
    render.signal(origin(1, 1), 10, Some(&siginfo), PidNote::default());
    render.stopped(origin(1, 1), 19);
    render.gone(
        origin(1, 1),
        End::Killed {
            sig: 15,
            core: false,
        },
    );
    render.gone(origin(1, 1), End::Exited(1));
    render.finish();
    let text = captured.text();
    assert_eq!(
        text,
        seqs(
            "--- SIGUSR1 @P{@V@Nsi_signo@P=@VSIGUSR1@P, @V@Nsi_code@P=@V@CSI_USER@V@P, \
             @V@Nsi_pid@P=@V1234@P, @V@Nsi_uid@P=@V0@P}@V ---@R\n\
             --- stopped by SIGSTOP ---@R\n\
             +++ killed by SIGTERM +++@R\n\
             +++ exited with 1 +++@R\n"
        )
    );
}

#[test]
fn a_custom_palette_changes_the_sequences() {
    let custom = Some(&*Box::leak(Box::new(Palette::with_spec(
        b"syscall=1;31:punct=1;34:retval=7",
    ))));
    let line = call_line(custom, NR_CLOSE, [3, 0, 0, 0, 0, 0], Outcome::Ok(0));
    assert_eq!(
        line,
        "\x1b[1;31mclose\x1b[1;34m(\x1b[35m3\x1b[0m\x1b[1;34m)\x1b[0m                                \
         \x1b[1;34m=\x1b[0m\x1b[0m \x1b[7m0\x1b[0m\x1b[0m\n"
    );
}

/// What `f` writes through a coloured text renderer.
fn colored_text(f: impl FnOnce(&mut crate::text::Text<'_>)) -> String {
    let captured = Captured::default();
    let format = Format {
        palette: palette(),
        ..Format::default()
    };
    let mut out = Output::new(Box::new(captured.clone()), None, false, format);
    f(&mut crate::text::Text::new(&mut out));
    out.finish();
    captured.text()
}

#[test]
fn signal_sets_stay_plain_other_sets_are_coloured() {
    use crate::decode::{Sink, Values};
    // strace 7 writes a signal set as one string (sprintsigmask), empty or not.
    assert_eq!(colored_text(|t| t.sigset(1 << 1 | 1 << 14)), "[INT TERM]");
    assert_eq!(colored_text(|t| t.sigset(0)), "[]");
    assert_eq!(colored_text(|t| t.sigset(!0)), "~[]");
    // Descriptor and CPU sets are its bit sets: brackets and spaces as punctuation.
    let fds = colored_text(|t| {
        t.begin_fd_set();
        t.uint(3);
        t.uint(5);
        t.end_fd_set();
    });
    assert_eq!(fds, seqs("@P[@V3@P @V5@P]@V"));
    assert_eq!(colored_text(|t| t.cpu_set(&[3])), seqs("@P[@V0@P @V1@P]@V"));
    // A set after a signal outside any set is a bit set still.
    let after = colored_text(|t| {
        t.signal(9);
        t.cpu_set(&[1]);
    });
    assert_eq!(after, seqs("SIGKILL@P[@V0@P]@V"));
}

#[test]
fn an_unavailable_value_is_in_the_errors_colour() {
    use crate::decode::Sink;
    let text = colored_text(|t| {
        t.open(crate::decode::Group::Struct);
        t.field("x");
        t.word("???");
        t.close();
    });
    assert_eq!(text, seqs("@P{@V@Nx@P=@V@E???@V@P}@V"));
}

/// `-N` with colour: each name in strace 7's argument-name colour, its `=` as punctuation,
/// then the value's colour again (as strace 7.2 writes `openat -N --color=always`).
#[test]
fn argument_names_are_coloured() {
    let path = c"/etc/passwd";
    let args = [-100i64 as u64, path.as_ptr() as u64, 0o2000000, 0, 0, 0];
    let line = |palette| {
        let format = Format {
            column: 40,
            palette,
            arg_names: true,
            ..Format::default()
        };
        call_line_with(format, NR_OPENAT, args, Outcome::Ok(3))
    };
    let colored = line(palette());
    assert_eq!(
        colored,
        seqs(
            "@Sopenat@P(@V@Ndirfd@P=@V@CAT_FDCWD@V@P, @V@Npathname@P=@V\"/etc/passwd\"@P, \
             @V@Nflags@P=@V@CO_RDONLY|O_CLOEXEC@V@R@P)@R @P=@R@R @T3@R@R\n"
        )
    );
    assert_eq!(
        line(None),
        "openat(dirfd=AT_FDCWD, pathname=\"/etc/passwd\", flags=O_RDONLY|O_CLOEXEC) = 3\n"
    );
    assert_eq!(line(None), stripped(&colored));
}

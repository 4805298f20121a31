//! Waiting for descriptors (`decode/poll.rs`): `poll`, `ppoll`, `select`, `pselect6` and the
//! `epoll` calls, with their return details.

use super::*;

#[test]
fn poll_entry_and_ready_descriptors() {
    let fds = pollfds(&[(3, 0x3, 0x1), (4, 0x4, 0x4), (-1, 0x1, 0)]);
    let mem = FakeMemory::new().with(0x1000, &fds);
    assert_eq!(
        line(
            NR_POLL,
            [0x1000, 3, -1i64 as u64, 0, 0, 0],
            &mem,
            Outcome::Ok(2)
        ),
        "poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}, {fd=-1}], 3, -1) = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}])"
    );
    let quiet = pollfds(&[(4, 0x1, 0)]);
    let mem = FakeMemory::new().with(0x1000, &quiet);
    assert_eq!(
        line(NR_POLL, [0x1000, 1, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "poll([{fd=4, events=POLLIN}], 1, 0)     = 0 (Timeout)"
    );
    // Unknown event bits, none at all, and a descriptor the kernel found invalid.
    let odd = pollfds(&[(3, 0x7fff, 0x41), (5, 0, 0), (99, 0x8000, 0x20)]);
    let mem = FakeMemory::new().with(0x1000, &odd);
    assert_eq!(
        line(NR_POLL, [0x1000, 3, 0, 0, 0, 0], &mem, Outcome::Ok(2)),
        "poll([{fd=3, events=POLLIN|POLLPRI|POLLOUT|POLLERR|POLLHUP|POLLNVAL|POLLRDNORM|POLLRDBAND|POLLWRNORM|POLLWRBAND|POLLMSG|POLLREMOVE|POLLRDHUP|0x4800}, {fd=5, events=0}, {fd=99, events=POLL_BUSY_LOOP}], 3, 0) = 2 ([{fd=3, revents=POLLIN|POLLRDNORM}, {fd=99, revents=POLLNVAL}])"
    );
}

#[test]
fn poll_bad_pointers() {
    let mem = FakeMemory::new();
    assert_eq!(
        line(NR_POLL, [0, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "poll(NULL, 0, 0)                        = 0 (Timeout)"
    );
    assert_eq!(
        line(NR_POLL, [BAD, 1, 0, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "poll(0x9000, 1, 0)                      = -1 EFAULT (Bad address)"
    );
    // An array running into unmapped memory: where it stops, at entry and exit.
    let fds = pollfds(&[(6, 0x4, 0x4), (3, 0x1, 0x1)]);
    let mem = FakeMemory::new().with(0x1ff0, &fds);
    assert_eq!(
        line(NR_POLL, [0x1ff0, 3, 0, 0, 0, 0], &mem, Outcome::Ok(2)),
        "poll([{fd=6, events=POLLOUT}, {fd=3, events=POLLIN}, ... /* 0x2000 */], 3, 0) = 2 ([{fd=6, revents=POLLOUT}, {fd=3, revents=POLLIN}, 0x2000])"
    );
}

#[test]
fn poll_arrays_stop_at_the_string_limit() {
    let fds = pollfds(&[(6, 0x4, 0x4); 33]);
    let mem = FakeMemory::new().with(0x1000, &fds);
    let got = line(NR_POLL, [0x1000, 33, 0, 0, 0, 0], &mem, Outcome::Ok(33));
    let entry = "{fd=6, events=POLLOUT}, ".repeat(32);
    let exit = "{fd=6, revents=POLLOUT}, ".repeat(32);
    assert_eq!(got, format!("poll([{entry}...], 33, 0) = 33 ([{exit}...])"));
}

#[test]
fn ppoll_time_left_and_mask() {
    let fds = pollfds(&[(3, 0x1, 0x1)]);
    let ts = words(&[0, 999_997_777]);
    let mask = words(&[1 << 9]);
    let mem = FakeMemory::new()
        .with(0x1000, &fds)
        .with(0x2000, &ts)
        .with(0x3000, &mask);
    assert_eq!(
        line(
            NR_PPOLL,
            [0x1000, 1, 0x2000, 0x3000, 8, 0],
            &mem,
            Outcome::Ok(1)
        ),
        "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=0, tv_nsec=999997777}, [USR1], 8) = 1 ([{fd=3, revents=POLLIN}], left {tv_sec=0, tv_nsec=999997777})"
    );
    assert_eq!(
        line(NR_PPOLL, [0x1000, 1, 0, 0, 8, 0], &mem, Outcome::Ok(1)),
        "ppoll([{fd=3, events=POLLIN}], 1, NULL, NULL, 8) = 1 ([{fd=3, revents=POLLIN}])"
    );
    assert_eq!(
        line(
            NR_PPOLL,
            [0x1000, 1, 0x2000, 0x3000, 4, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=0, tv_nsec=999997777}, 0x3000, 4) = -1 EINVAL (Invalid argument)"
    );
    // Nothing ready in memory (it changed under the call): only the time left; and an
    // unreadable time.
    let none = pollfds(&[(3, 0x1, 0)]);
    let mem = FakeMemory::new().with(0x1000, &none).with(0x2000, &ts);
    assert_eq!(
        line(NR_PPOLL, [0x1000, 1, 0x2000, 0, 8, 0], &mem, Outcome::Ok(1)),
        "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=0, tv_nsec=999997777}, NULL, 8) = 1 (left {tv_sec=0, tv_nsec=999997777})"
    );
    assert_eq!(
        line(NR_PPOLL, [0x1000, 1, BAD, 0, 8, 0], &mem, Outcome::Ok(1)),
        "ppoll([{fd=3, events=POLLIN}], 1, 0x9000, NULL, 8) = 1 (left 0x9000)"
    );
}

#[test]
fn select_sets_and_time_left() {
    let r = words(&[0b11000]);
    let w = words(&[0b10000]);
    let tv = words(&[1, 0]);
    let mem = FakeMemory::new()
        .with(0x1000, &r)
        .with(0x2000, &w)
        .with(0x3000, &tv);
    assert_eq!(
        line(
            NR_SELECT,
            [5, 0x1000, 0x2000, 0, 0x3000, 0],
            &mem,
            Outcome::Ok(2)
        ),
        "select(5, [3 4], [4], NULL, {tv_sec=1, tv_usec=0}) = 2 (in [3 4], left {tv_sec=1, tv_usec=0})"
    );
    assert_eq!(
        line(
            NR_SELECT,
            [5, 0x1000, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(3)
        ),
        "select(5, [3 4], [4], NULL, NULL)       = 3 (in [3 4], out [4])"
    );
    assert_eq!(
        line(
            NR_SELECT,
            [4, 0x1000, 0, 0, 0x3000, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "select(4, [3], NULL, NULL, {tv_sec=1, tv_usec=0}) = 0 (Timeout)"
    );
    // No descriptors: the sets are not read; a negative count counts as none.
    assert_eq!(
        line(
            NR_SELECT,
            [0, 0x1000, 0, 0, 0x3000, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "select(0, 0x1000, NULL, NULL, {tv_sec=1, tv_usec=0}) = 0 (Timeout)"
    );
    assert_eq!(
        line(
            NR_SELECT,
            [-1i64 as u64, 0, 0, 0, 0x3000, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "select(-1, NULL, NULL, NULL, {tv_sec=1, tv_usec=0}) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SELECT,
            [5, BAD, 0, 0, BAD, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "select(5, 0x9000, NULL, NULL, 0x9000)   = -1 EFAULT (Bad address)"
    );
    // The sets were emptied under the call: the count alone, with empty details.
    let empty = words(&[0]);
    let mem = FakeMemory::new().with(0x1000, &empty);
    assert_eq!(
        line(NR_SELECT, [5, 0x1000, 0, 0, 0, 0], &mem, Outcome::Ok(2)),
        "select(5, [], NULL, NULL, NULL)         = 2 ()"
    );
}

#[test]
fn pselect6_sigmask_pair() {
    let r = words(&[0b1000]);
    let ts = words(&[2, 5]);
    let mask = words(&[1 << 9]);
    let pair = words(&[0x4000, 8]);
    let null_pair = words(&[0, 8]);
    let mem = FakeMemory::new()
        .with(0x1000, &r)
        .with(0x2000, &ts)
        .with(0x3000, &pair)
        .with(0x4000, &mask)
        .with(0x5000, &null_pair);
    assert_eq!(
        line(
            NR_PSELECT6,
            [5, 0x1000, 0, 0, 0x2000, 0x3000],
            &mem,
            Outcome::Ok(1)
        ),
        "pselect6(5, [3], NULL, NULL, {tv_sec=2, tv_nsec=5}, {sigmask=[USR1], sigsetsize=8}) = 1 (in [3], left {tv_sec=2, tv_nsec=5})"
    );
    assert_eq!(
        line(
            NR_PSELECT6,
            [5, 0x1000, 0, 0, 0x2000, 0x5000],
            &mem,
            Outcome::Ok(0)
        ),
        "pselect6(5, [3], NULL, NULL, {tv_sec=2, tv_nsec=5}, {sigmask=NULL, sigsetsize=8}) = 0 (Timeout)"
    );
    assert_eq!(
        line(
            NR_PSELECT6,
            [5, 0x1000, 0, 0, 0, BAD],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "pselect6(5, [3], NULL, NULL, NULL, 0x9000) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_PSELECT6, [5, 0x1000, 0, 0, 0, 0], &mem, Outcome::Ok(1)),
        "pselect6(5, [3], NULL, NULL, NULL, NULL) = 1 (in [3])"
    );
}

#[test]
fn epoll_ctl_event() {
    let ev = epoll_events(&[(0x8000_0001, 0x1_0000_0004)]);
    let odd = epoll_events(&[(0x7000_3405 | 0x1000, 4)]);
    let mem = FakeMemory::new().with(0x1000, &ev).with(0x2000, &odd);
    assert_eq!(
        line(NR_EPOLL_CTL, [5, 1, 3, 0x1000, 0, 0], &mem, Outcome::Ok(0)),
        "epoll_ctl(5, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET, data={u32=4, u64=4294967300}}) = 0"
    );
    assert_eq!(
        line(
            NR_EPOLL_CTL,
            [5, 3, 4, 0x2000, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "epoll_ctl(5, EPOLL_CTL_MOD, 4, {events=EPOLLIN|EPOLLOUT|EPOLLMSG|EPOLLRDHUP|EPOLLEXCLUSIVE|EPOLLWAKEUP|EPOLLONESHOT|0x1000, data={u32=4, u64=4}}) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_EPOLL_CTL, [5, 2, 4, 0x1000, 0, 0], &mem, Outcome::Ok(0)),
        "epoll_ctl(5, EPOLL_CTL_DEL, 4, 0x1000)  = 0"
    );
    assert_eq!(
        line(NR_EPOLL_CTL, [5, 9, 4, 0, 0, 0], &mem, Outcome::Err(EINVAL)),
        "epoll_ctl(5, 0x9 /* EPOLL_CTL_??? */, 4, NULL) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_EPOLL_CTL,
            [5, 1, 4, BAD, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "epoll_ctl(5, EPOLL_CTL_ADD, 4, 0x9000)  = -1 EFAULT (Bad address)"
    );
}

#[test]
fn epoll_wait_events() {
    let evs = epoll_events(&[(1, 4), (4, 7)]);
    let mask = words(&[1 << 9]);
    let ts = words(&[0, 0]);
    let mem = FakeMemory::new()
        .with(0x1000, &evs)
        .with(0x2000, &mask)
        .with(0x3000, &ts);
    assert_eq!(
        line(
            NR_EPOLL_WAIT,
            [5, 0x1000, 4, -1i64 as u64, 0, 0],
            &mem,
            Outcome::Ok(2)
        ),
        "epoll_wait(5, [{events=EPOLLIN, data={u32=4, u64=4}}, {events=EPOLLOUT, data={u32=7, u64=7}}], 4, -1) = 2"
    );
    assert_eq!(
        line(NR_EPOLL_WAIT, [5, 0x1000, 4, 0, 0, 0], &mem, Outcome::Ok(0)),
        "epoll_wait(5, [], 4, 0)                 = 0"
    );
    assert_eq!(
        line(
            NR_EPOLL_WAIT,
            [5, 0, 4, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "epoll_wait(5, NULL, 4, 0)               = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_EPOLL_WAIT,
            [99, 0x1000, 4, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "epoll_wait(99, 0x1000, 4, 0)            = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(NR_EPOLL_WAIT, [5, BAD, 4, 0, 0, 0], &mem, Outcome::Ok(1)),
        "epoll_wait(5, 0x9000, 4, 0)             = 1"
    );
    assert_eq!(
        line(
            NR_EPOLL_PWAIT,
            [5, 0x1000, 4, 0, 0x2000, 8],
            &mem,
            Outcome::Ok(1)
        ),
        "epoll_pwait(5, [{events=EPOLLIN, data={u32=4, u64=4}}], 4, 0, [USR1], 8) = 1"
    );
    assert_eq!(
        line(
            NR_EPOLL_PWAIT2,
            [5, 0x1000, 4, 0x3000, 0, 8],
            &mem,
            Outcome::Ok(1)
        ),
        "epoll_pwait2(5, [{events=EPOLLIN, data={u32=4, u64=4}}], 4, {tv_sec=0, tv_nsec=0}, NULL, 8) = 1"
    );
    // The array running into unmapped memory.
    let mem = FakeMemory::new().with(0x1ff4, &epoll_events(&[(1, 4)]));
    assert_eq!(
        line(NR_EPOLL_WAIT, [5, 0x1ff4, 4, 0, 0, 0], &mem, Outcome::Ok(2)),
        "epoll_wait(5, [{events=EPOLLIN, data={u32=4, u64=4}}, ... /* 0x2000 */], 4, 0) = 2"
    );
}

/// What strace 6.1 -y shows for the waiting calls (h_files2-like run): the descriptors the
/// call gets are described, the ready ones of the return detail and epoll's data are not.
#[test]
fn waiting_calls_describe_the_descriptors_they_get() {
    let mut fds = FakeFds::default();
    fds.fds.insert(3, fd_path(b"/etc/hostname"));
    fds.fds.insert(4, fd_detail(b"pipe:[99]", Detail::Path));
    fds.fds.insert(6, fd_path(b"anon_inode:[eventpoll]"));
    // fd 3 and 4 ready, one ignored.
    let fds_in = pollfds(&[(3, 0x1, 0x1), (4, 0x1, 0x1), (-1, 0x1, 0)]);
    let mem = FakeMemory::new().with(0x1000, &fds_in);
    let got = line_fds(
        NR_POLL,
        [0x1000, 3, 0, 0, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Ok(2),
    );
    assert_eq!(
        got,
        "poll([{fd=3</etc/hostname>, events=POLLIN}, {fd=4<pipe:[99]>, events=POLLIN}, \
         {fd=-1}], 3, 0) = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLIN}])"
    );
    // An fd_set of 6 descriptors (one long) with 3 and 4 in it.
    let set = (0b11000u64).to_ne_bytes();
    let mem = FakeMemory::new().with(0x2000, &set);
    let got = line_fds(
        NR_SELECT,
        [6, 0x2000, 0, 0, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Ok(2),
    );
    assert_eq!(
        got,
        "select(6, [3</etc/hostname> 4<pipe:[99]>], NULL, NULL, NULL) = 2 (in [3 4])"
    );
    // EPOLLIN, with descriptor 4 as its data.
    let mem = FakeMemory::new().with(0x3000, &epoll_events(&[(1, 4)]));
    let got = line_fds(
        NR_EPOLL_CTL,
        [6, 1, 4, 0x3000, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Ok(0),
    );
    assert_eq!(
        got,
        "epoll_ctl(6<anon_inode:[eventpoll]>, EPOLL_CTL_ADD, 4<pipe:[99]>, \
         {events=EPOLLIN, data={u32=4, u64=4}}) = 0"
    );
}

#[test]
fn poll_arrays_in_full_under_v() {
    let fds = pollfds(&[(6, 0x4, 0x4); 3]);
    let mem = FakeMemory::new().with(0x1000, &fds);
    let args = [0x1000, 3, 0, 0, 0, 0];
    assert_eq!(
        line_with(NR_POLL, args, &mem, Outcome::Ok(3), 2),
        "poll([{fd=6, events=POLLOUT}, {fd=6, events=POLLOUT}, ...], 3, 0) = 3 ([{fd=6, revents=POLLOUT}, {fd=6, revents=POLLOUT}, ...])"
    );
    assert_eq!(
        line_opts(NR_POLL, args, &mem, Outcome::Ok(3), opts(false, true, 2)),
        "poll([{fd=6, events=POLLOUT}, {fd=6, events=POLLOUT}, {fd=6, events=POLLOUT}], 3, 0) = 3 ([{fd=6, revents=POLLOUT}, {fd=6, revents=POLLOUT}, {fd=6, revents=POLLOUT}])"
    );
    // -e verbose=none: the addresses, and the count alone (a timeout still says so).
    let quiet = opts(true, false, 32);
    let ts = words(&[1, 2]);
    let mem = mem.with(0x2000, &ts);
    assert_eq!(
        line_opts(
            NR_PPOLL,
            [0x1000, 3, 0x2000, 0, 8, 0],
            &mem,
            Outcome::Ok(3),
            quiet
        ),
        "ppoll(0x1000, 3, 0x2000, NULL, 8)       = 3"
    );
    assert_eq!(
        line_opts(NR_POLL, args, &mem, Outcome::Ok(0), quiet),
        "poll(0x1000, 3, 0)                      = 0 (Timeout)"
    );
}

#[test]
fn poll_detail_stops_where_strace_buffer_does() {
    // strace writes the detail into 1024 bytes: under -v, 40 of `{fd=4, revents=POLLOUT}`
    // (the time left after them) and 40 alternating with `{fd=3, revents=POLLIN}` fit, then
    // `...`.
    let out = pollfds(&[(4, 0x4, 0x4); 100]);
    let mixed: Vec<u8> = (0..100)
        .flat_map(|i| match i % 2 {
            0 => pollfds(&[(3, 0x1, 0x1)]),
            _ => pollfds(&[(4, 0x4, 0x4)]),
        })
        .collect();
    let ts = words(&[5, 123_453_093]);
    let mem = FakeMemory::new()
        .with(0x1000, &out)
        .with(0x2000, &mixed)
        .with(0x3000, &ts);
    let v = opts(false, true, 32);
    let got = line_opts(
        NR_PPOLL,
        [0x1000, 100, 0x3000, 0, 8, 0],
        &mem,
        Outcome::Ok(100),
        v,
    );
    let ready = ["{fd=4, revents=POLLOUT}"; 39].join(", ");
    assert!(
        got.ends_with(&format!(
            "= 100 ([{ready}, ...], left {{tv_sec=5, tv_nsec=123453093}})"
        )),
        "{got}"
    );
    let got = line_opts(
        NR_POLL,
        [0x2000, 100, 0, 0, 0, 0],
        &mem,
        Outcome::Ok(100),
        v,
    );
    let ready = ["{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}"; 20].join(", ");
    assert!(got.ends_with(&format!("= 100 ([{ready}, ...])")), "{got}");
}

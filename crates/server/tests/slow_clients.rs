//! Clients that hold connections without finishing requests cannot wear
//! `dyad serve` down: a partial request head and an idle keep-alive
//! connection are closed after the header timeout, and connections beyond
//! the cap make the server close its oldest idle ones, so a new request
//! is still answered. (The real server, on a real listener; the timeout
//! is short here only so the test is quick.)

mod common;

use std::io::Write;
use std::time::Duration;

use common::{read_until_closed, Server};
use dyad_server::Limits;

fn limits(header_timeout: Duration, max_connections: usize) -> Limits {
    Limits {
        max_connections,
        header_timeout,
        ..Limits::default()
    }
}

#[test]
fn a_partial_request_head_is_closed_after_the_header_timeout() {
    let server = Server::start(limits(Duration::from_millis(200), 64), &[]);
    let mut s = server.connect();
    s.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
        .unwrap();
    let answer = read_until_closed(&mut s).expect("the server kept a partial request open");
    let answer = String::from_utf8_lossy(&answer);
    assert!(!answer.contains("200 OK"), "{answer}");
}

#[test]
fn a_connection_that_sends_nothing_is_closed_after_the_header_timeout() {
    let server = Server::start(limits(Duration::from_millis(200), 64), &[]);
    let mut s = server.connect();
    let answer = read_until_closed(&mut s).expect("the server kept a silent connection open");
    assert!(answer.is_empty());
}

#[test]
fn an_idle_keep_alive_connection_is_closed_after_the_header_timeout() {
    let server = Server::start(limits(Duration::from_millis(200), 64), &[]);
    let mut s = server.connect();
    s.write_all(b"GET /api/stats HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    // The answer comes, then nothing until the server closes.
    let answer = read_until_closed(&mut s).expect("the server kept an idle connection open");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"documents\""), "{answer}");
}

#[test]
fn idle_connections_beyond_the_cap_do_not_lock_a_request_out() {
    // A long timeout: the idle connections would stay open for the whole
    // test if the server did not close them to make room.
    let server = Server::start(limits(Duration::from_secs(60), 8), &[]);
    let mut idle = Vec::new();
    for i in 0..30 {
        let mut s = server.connect();
        if i % 2 == 1 {
            s.write_all(b"GET / HTTP/1.1\r\nHost: loc").unwrap();
        }
        idle.push(s);
    }
    let answer = server.get("/api/stats", "localhost");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // The oldest were closed to make room.
    let first = read_until_closed(&mut idle[0]).expect("the oldest idle connection is still open");
    assert!(first.is_empty());
    // After the load, the server answers as before.
    drop(idle);
    let answer = server.get("/api/stats", "localhost");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

//! The HTML report opened in headless Chromium: the screenshot is not blank
//! and shows the critical-gap colour of the corridor SVG. Skipped, with a
//! message, where `/usr/bin/chromium` is not installed (`.ci/run` installs it).

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use corridor::report::Format;

use super::{journey_at, render, root};

const CHROMIUM: &str = "/usr/bin/chromium";
/// The fill of a critical gap (`svg::colours`): #c62828.
const CRITICAL: [u8; 3] = [0xc6, 0x28, 0x28];

/// Runs Chromium to take a screenshot, killing it after a deadline.
fn screenshot(html: &Path, png: &Path, profile: &Path) {
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1200,900")
        .arg(format!("file://{}", html.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            assert!(status.success(), "chromium failed: {status}");
            return;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took more than 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The pixels of a PNG as RGB triples.
fn pixels(png: &Path) -> Vec<[u8; 3]> {
    let file = std::fs::File::open(png).expect("screenshot written");
    let decoder = png::Decoder::new(std::io::BufReader::new(file));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("buffer size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    let channels = match info.color_type {
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => panic!("unexpected colour type {other:?}"),
    };
    buf[..info.buffer_size()]
        .chunks_exact(channels)
        .map(|p| [p[0], p[1], p[2]])
        .collect()
}

#[test]
fn html_report_renders_in_headless_chromium() {
    if !Path::new(CHROMIUM).exists() {
        eprintln!(
            "SKIPPED html_report_renders_in_headless_chromium: {CHROMIUM} not found \
             (apt-get install chromium; .ci/run installs it)"
        );
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let journey = journey_at(&root().join("tests/fixtures/samples/online-order-courier.toml"));
    let html = dir.path().join("report.html");
    std::fs::write(&html, render(&journey, Format::Html)).expect("write report");
    let png = dir.path().join("shot.png");
    screenshot(&html, &png, &dir.path().join("profile"));

    let pixels = pixels(&png);
    assert_eq!(pixels.len(), 1200 * 900, "window-sized screenshot");
    let colours: HashSet<[u8; 3]> = pixels.iter().copied().collect();
    assert!(
        colours.len() > 100,
        "only {} colours: blank page?",
        colours.len()
    );
    let inked = pixels.iter().filter(|p| **p != [255, 255, 255]).count();
    assert!(
        inked * 20 > pixels.len(),
        "under 5% of the page is drawn on"
    );
    let near = |p: &[u8; 3]| p.iter().zip(CRITICAL).all(|(a, b)| a.abs_diff(b) <= 4);
    let critical = pixels.iter().filter(|p| near(p)).count();
    assert!(
        critical > 2_000,
        "critical-gap boxes drawn ({critical} pixels)"
    );
}

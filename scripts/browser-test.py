#!/usr/bin/env python3
"""The web page in a real browser: headless Chromium (Debian's `chromium` and `chromium-driver`)
driven by Selenium against the running server.

1. Loads /, fills the form for a bundled shipment (kz-pk-oats-qtta.yaml: its shipment, goods line
   and three of its documents), submits, and finds the verdict, a missing document, the estimate
   (trip and document wait) and the corridor comparison on the page.
2. Uploads a broken manifest (shipments/invalid/unknown-key.yaml) and finds the error beside its line.
3. Opens the printable checklist.
4. Stops the server with SIGTERM while a request is in flight: the request is answered and the
   server exits 0.

Screenshots go to $ARTEFACTS (default .build/artefacts); --readme-shot PATH also saves the answer's
screenshot there (docs/web-page.png for README). Without a browser it fails, except outside CI
(CI unset) where it skips with a message.

Usage: scripts/browser-test.py [--binary .build/debug/transit-check] [--readme-shot docs/web-page.png]
"""
import argparse, os, shutil, signal, socket, subprocess, sys, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fail(msg):
    print(f"browser-test: FAIL: {msg}", file=sys.stderr)
    sys.exit(1)


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port


def find_browser():
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
    try:
        import selenium  # noqa: F401
    except ImportError:
        return None, None, "selenium is not installed (pip install selenium)"
    if not chromium or not driver:
        return None, None, "chromium or chromedriver not found (apt-get install -y chromium chromium-driver)"
    return chromium, driver, None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/transit-check"))
    ap.add_argument("--readme-shot")
    args = ap.parse_args()
    chromium, driver_path, problem = find_browser()
    if problem:
        if os.environ.get("CI"):
            fail(problem + " — CI must install them")
        print(f"browser-test: SKIPPED: {problem} (CI is not set)")
        return
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    out = os.environ.get("ARTEFACTS", os.path.join(ROOT, ".build/artefacts"))
    os.makedirs(out, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(os.path.join(out, "browser-server.log"), "w")
    server = subprocess.Popen([args.binary, "serve", "--port", str(port)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                if urllib.request.urlopen(base + "/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.1)
        else:
            fail("the server did not start")

        opts = webdriver.ChromeOptions()
        opts.binary_location = chromium
        for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,2200"]:
            opts.add_argument(a)
        browser = webdriver.Chrome(service=Service(driver_path), options=opts)
        # A submitted form is a new page: looking for its parts waits for them (up to 10 s)
        # instead of racing the page load on a busy machine.
        browser.implicitly_wait(10)
        browser.set_page_load_timeout(60)
        passed = 0
        try:
            # 1. The form, filled in for the bundled oats shipment.
            browser.get(base + "/")
            def fill(name, value):
                el = browser.find_element(By.NAME, name)
                if el.tag_name == "select":
                    Select(el).select_by_value(value)
                elif el.get_attribute("type") == "date":
                    # Typing into a date field depends on the locale; set the value as the picker would.
                    browser.execute_script("arguments[0].value = arguments[1]", el, value)
                else:
                    el.clear(); el.send_keys(value)
            fields = [("id", "KZ-PK-2026-1004"), ("shipper_name", "Kostanay Grain Company LLP"), ("shipper_country", "KZ"),
                      ("consignee_name", "Lahore Feed Mills (Pvt) Ltd"), ("consignee_country", "PK"), ("origin", "KZALA"),
                      ("destination", "PKLHE"), ("corridor", "qtta-torugart"), ("mode", "road"), ("regime", "tir"),
                      ("departure", "2026-06-01"), ("units", "1"), ("unit", "truck"),
                      ("g0_hs", "1004.90"), ("g0_description", "Oats, other than seed"), ("g0_net_kg", "21000"),
                      ("g0_gross_kg", "21300"), ("g0_value_usd", "5900"), ("g0_origin", "KZ"), ("g0_packaging", "big bags"),
                      ("d0_type", "commercial-invoice"), ("d0_number", "KGC-2026-1004"), ("d0_issued", "2026-05-25"), ("d0_issuer", "KZ"),
                      ("d1_type", "tir-carnet"), ("d1_number", "KZ-TIR-88112345"), ("d1_issued", "2026-05-29"),
                      ("d1_expires", "2026-09-30"), ("d1_issuer", "KZ"),
                      ("d2_type", "phytosanitary-certificate"), ("d2_number", "KZ-PC-2026-40551"), ("d2_issued", "2026-05-28"),
                      ("d2_expires", "2026-06-04"), ("d2_issuer", "KZ")]
            for name, value in fields:
                fill(name, value)
            browser.save_screenshot(os.path.join(out, "web-form.png"))
            browser.find_element(By.ID, "check-form").click()
            verdict = browser.find_element(By.ID, "verdict").text
            if "Incomplete" not in verdict:
                fail(f"verdict: {verdict!r}")
            todo = browser.find_element(By.ID, "todo").text
            if "Plant import permit" not in todo or "Apply by" not in todo:
                fail(f"no missing document with its apply-by day in the to-do list: {todo[:300]!r}")
            estimate = browser.find_element(By.ID, "estimate").text
            for words in ["The trip, dispatch to delivery", "days", "Waiting for documents first", "Ready to dispatch by"]:
                if words not in estimate:
                    fail(f"estimate lacks {words!r}: {estimate!r}")
            if not browser.find_elements(By.CSS_SELECTOR, "#comparison img.chart"):
                fail("no corridor comparison chart")
            browser.save_screenshot(os.path.join(out, "web-answer.png"))
            if args.readme_shot:
                browser.set_window_size(1280, 1500)
                browser.execute_script("window.scrollTo(0, 0)")
                browser.save_screenshot(args.readme_shot)
            browser.set_window_size(390, 1800)  # a phone
            browser.save_screenshot(os.path.join(out, "web-answer-phone.png"))
            width = browser.execute_script("return document.documentElement.scrollWidth")
            if width > 400:
                fail(f"the answer is {width}px wide on a 390px phone")
            browser.set_window_size(1280, 2200)
            passed += 1
            print("browser-test: form -> verdict, missing document, estimate: ok")

            # 2. A broken manifest, uploaded: the error is beside its line.
            browser.get(base + "/")
            browser.execute_script("document.querySelector('details').open = true")
            browser.find_element(By.ID, "manifest_file").send_keys(os.path.join(ROOT, "shipments/invalid/unknown-key.yaml"))
            browser.find_element(By.ID, "check-text").click()
            bad = browser.find_elements(By.CSS_SELECTOR, "#listing tr.bad")
            if not bad:
                fail("no line marked with an error")
            texts = [row.text for row in bad]
            located = [t for t in texts if "[unknown-key]" in t and "column" in t and "did you mean" in t]
            if not located:
                fail(f"no marked line carries the unknown key's located error: {texts!r}")
            text = located[0]
            browser.save_screenshot(os.path.join(out, "web-errors.png"))
            passed += 1
            print(f"browser-test: broken manifest -> error beside its line ({text.strip()[:80]}): ok")

            # 3. The printable checklist.
            browser.get(base + "/")
            browser.execute_script("document.querySelector('details').open = true")
            browser.find_element(By.ID, "manifest_file").send_keys(os.path.join(ROOT, "shipments/kz-pk-oats-qtta.yaml"))
            browser.find_element(By.ID, "check-text").click()
            browser.find_element(By.ID, "print").click()
            # The print view is a new page: wait for its table, not only its title.
            deadline = time.time() + 15
            boxes = browser.find_elements(By.CSS_SELECTOR, "td.box")
            while not boxes and time.time() < deadline:
                time.sleep(0.2)
                boxes = browser.find_elements(By.CSS_SELECTOR, "td.box")
            if "checklist" not in browser.title or not any(b.text == "\u2610" for b in boxes):
                fail(f"no printable checklist with boxes to tick: {browser.title!r}, {[b.text for b in boxes]!r}")
            browser.save_screenshot(os.path.join(out, "web-print.png"))
            passed += 1
            print("browser-test: printable checklist: ok")
        finally:
            browser.quit()

        # 4. SIGTERM with a request in flight: it is answered, then the server exits 0.
        body = open(os.path.join(ROOT, "shipments/kz-pk-oats-qtta.yaml"), "rb").read()
        s = socket.create_connection(("127.0.0.1", port)); s.settimeout(20)
        s.sendall(b"POST /check HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: %d\r\n\r\n" % len(body) + body[:100])
        time.sleep(0.3)
        server.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        s.sendall(body[100:])
        answer = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
        if not answer.startswith(b"HTTP/1.1 200"):
            fail(f"the request in flight at SIGTERM was not answered: {answer[:200]!r}")
        code = server.wait(timeout=30)
        if code != 0:
            fail(f"the server exited {code} after SIGTERM")
        passed += 1
        print("browser-test: SIGTERM finishes the request in flight, exit 0: ok")
        print(f"{passed} passed, 0 failed")
    finally:
        if server.poll() is None:
            server.kill()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The CDN-like server's HTTP ranges (scripts/cdn_server.py), which the
search worker uses for the index's result records (`tim-kiem/*/d.dat`):
one range, a suffix, an open end, one past the end, several ranges, and a
compressed file, which is always sent whole.

    python3 scripts/test_cdn_server.py
"""

import http.client
import http.server
import os
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdn_server  # noqa: E402


class Ranges(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        os.makedirs(os.path.join(cls.dir.name, "tim-kiem", "s1"))
        cls.records = bytes(range(256)) * 4
        with open(os.path.join(cls.dir.name, "tim-kiem", "s1", "d.dat"), "wb") as f:
            f.write(cls.records)
        with open(os.path.join(cls.dir.name, "tim-kiem", "manifest.txt"), "w") as f:
            f.write("portal-search-index 5\n" * 20)
        handler = cdn_server.handler_for(cdn_server.Site(cls.dir.name, "/"))
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        cls.dir.cleanup()

    def get(self, path, headers):
        connection = http.client.HTTPConnection("127.0.0.1", self.server.server_address[1])
        connection.request("GET", path, headers={"Accept-Encoding": "br, gzip", **headers})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, dict(response.getheaders()), body

    def test_one_range_of_the_records(self):
        status, headers, body = self.get("/tim-kiem/s1/d.dat", {"Range": "bytes=640-703"})
        self.assertEqual(status, 206)
        self.assertEqual(body, self.records[640:704])
        self.assertEqual(headers["Content-Range"], "bytes 640-703/1024")
        self.assertNotIn("Content-Encoding", headers)
        self.assertEqual(headers["Content-Type"], "application/octet-stream")

    def test_open_and_suffix_ranges_and_past_the_end(self):
        self.assertEqual(self.get("/tim-kiem/s1/d.dat", {"Range": "bytes=1000-"})[2], self.records[1000:])
        self.assertEqual(self.get("/tim-kiem/s1/d.dat", {"Range": "bytes=-24"})[2], self.records[-24:])
        # A last byte past the end is the end (RFC 9110).
        self.assertEqual(self.get("/tim-kiem/s1/d.dat", {"Range": "bytes=1000-5000"})[2], self.records[1000:])
        status, headers, _ = self.get("/tim-kiem/s1/d.dat", {"Range": "bytes=1024-1100"})
        self.assertEqual((status, headers["Content-Range"]), (416, "bytes */1024"))

    def test_without_a_range_or_with_several_the_whole_file(self):
        for headers in ({}, {"Range": "bytes=0-1,5-6"}, {"Range": "items=0-1"}):
            status, answer, body = self.get("/tim-kiem/s1/d.dat", headers)
            self.assertEqual((status, body, answer["Accept-Ranges"]), (200, self.records, "bytes"))

    def test_a_compressed_file_is_sent_whole(self):
        status, headers, _ = self.get("/tim-kiem/manifest.txt", {"Range": "bytes=0-9"})
        self.assertEqual((status, headers["Content-Encoding"]), (200, "br"))


if __name__ == "__main__":
    unittest.main()

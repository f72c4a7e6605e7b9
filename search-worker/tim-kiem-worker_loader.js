// Starts the search worker (search-worker/src/main.rs); the page runs
// `new Worker("tim-kiem-worker_loader.js")`. A request posted while the wasm
// loads would find no listener and be lost: it waits here, and main()
// answers it first. A wasm that cannot be fetched or started rejects a
// promise, which the page never hears of; thrown from a timer, it is an
// `error` event on the page's Worker, and the page says so ("Thử lại").
"use strict";
self.timKiemSom = [];
self.onmessage = function (event) { self.timKiemSom.push(event.data); };
importScripts("./tim-kiem-worker.js");
wasm_bindgen({ module_or_path: "./tim-kiem-worker_bg.wasm" }).catch(function (error) {
  setTimeout(function () { throw error; });
});

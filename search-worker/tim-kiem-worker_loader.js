// Starts the search worker (search-worker/src/main.rs); the page runs
// `new Worker("tim-kiem-worker_loader.js")`. A request posted while the wasm
// loads would find no listener and be lost: it waits here, and main()
// answers it first.
"use strict";
self.timKiemSom = [];
self.onmessage = function (event) { self.timKiemSom.push(event.data); };
importScripts("./tim-kiem-worker.js");
wasm_bindgen({ module_or_path: "./tim-kiem-worker_bg.wasm" });

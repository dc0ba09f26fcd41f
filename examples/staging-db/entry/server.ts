// Build entry: compiles to examples/staging-db/dist/server.js and loads the compiled server, which is built together
// with the toolkit it imports under dist/build/ (the toolkit lives outside this example's folder).
import "./build/examples/staging-db/src/server.js";

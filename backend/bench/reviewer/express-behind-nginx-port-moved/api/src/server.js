const express = require("express");

const app = express();
app.get("/healthz", (req, res) => res.send("ok"));
app.use("/v1", require("./routes"));

const port = Number(process.env.PORT) || 3000;
app.listen(port, "0.0.0.0", () => console.log(`listening on ${port}`));

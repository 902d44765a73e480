const express = require("express");

const app = express();
app.get("/", (req, res) => res.json({ service: "api", host: req.hostname }));

const port = process.env.PORT || 3000;
app.listen(port, () => console.log(`api on ${port}`));

const express = require("express");
const mongoose = require("mongoose");
const session = require("express-session");

const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use("/products", require("./routes/products"));

mongoose.connect(process.env.MONGO_URL).then(() => {
  app.listen(process.env.PORT || 3000, () => console.log("shop listening"));
});

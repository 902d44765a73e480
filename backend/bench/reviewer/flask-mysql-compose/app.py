import os

from flask import Flask, jsonify
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["SQLALCHEMY_DATABASE_URI"]
db = SQLAlchemy(app)


@app.get("/items")
def items():
    rows = db.session.execute(db.text("SELECT id, name FROM items")).all()
    return jsonify([dict(id=r.id, name=r.name) for r in rows])

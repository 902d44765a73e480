from tests.engine.rule_table import rule_table

S = "services:\n  api:\n    image: acme/api:1.4\n    environment:\n"
TRIGGERS = [
    (S + "      DB: Server=sql,1433;Database=app;TrustServerCertificate=True\n", 5, 11),
    (S + "      - NODE_TLS_REJECT_UNAUTHORIZED=0\n", 5, 9),
    (S + "      MONGO_URL: mongodb://db:27017/app?tls=true&tlsAllowInvalidCertificates=true\n", 5, 18),
    (S + "      JDBC: jdbc:sqlserver://sql:1433;databaseName=app;trustServerCertificate=true\n", 5, 13),
    (S + "      PYTHONHTTPSVERIFY: '0'\n", 5, 26),
]
NEAR_MISSES = [
    S + "      DB: Server=sql,1433;Database=app;Encrypt=True\n",
    S + "      NODE_TLS_REJECT_UNAUTHORIZED: '1'\n",
    S + "      MONGO_URL: mongodb://db:27017/app?tls=true\n",
    S + "      TRUST_PROXY: 'true'\n",
    S + "      DB: Server=sql;TrustServerCertificate=False\n",
]

test_triggers, test_near_misses = rule_table("DC055", TRIGGERS, NEAR_MISSES, kind="compose")

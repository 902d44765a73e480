from tests.engine.rule_table import rule_table

HEAD = "services:\n  web:\n    image: nginx:1.27\n"
TRIGGERS = [
    (HEAD + "    container_name: my web\n", 4, 21),
    (HEAD + "    container_name: -web\n", 4, 21),
    (HEAD + "    container_name: w\n", 4, 21),
    (HEAD + "    container_name: 'web/1'\n", 4, 21),
    (HEAD + "    container_name: shop_web:1\n", 4, 21),
    (HEAD + '    container_name: "shop web"\n', 4, 21),
    (HEAD + "    container_name: _web\n", 4, 21),
    (HEAD + "    container_name: .web\n", 4, 21),
    (HEAD + "    container_name: café\n", 4, 21),
    (HEAD + "    container_name: ${PROJECT:-shop}/web\n", 4, 21),
]
NEAR_MISSES = [
    HEAD + "    container_name: my-web_1.prod\n",
    HEAD + "    container_name: ${NAME}\n",
    HEAD + "    container_name: my web  # dockwright ignore=DC017\n",
    HEAD + "    container_name: _web  # dockwright ignore=service-container-name-regex\n",
    HEAD + "    container_name: ${PROJECT:-shop}-web\n",
    HEAD + "    container_name: Shop.Web_01\n",
    HEAD + "    container_name: 'web-1'\n",
    HEAD + "    hostname: my_web.local\n",
]

test_triggers, test_near_misses = rule_table("DC017", TRIGGERS, NEAR_MISSES, kind="compose")

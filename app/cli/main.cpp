#include <cstdio>
int main() { std::puts("fragmentlab-cli " FRAGMENTLAB_VERSION); return 0; }

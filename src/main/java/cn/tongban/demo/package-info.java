/**
 * Demo transactions: in the demo profile, a few months of the city's housing market played through the platform's
 * own HTTP API as its users would — developers' sales filed, declarations assessed and paid, registrations at every
 * step — so that a newcomer finds work in every queue and data in every chart. Depends on no module's internals:
 * only on the API and the demo identities' published names.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo transactions")
package cn.tongban.demo;

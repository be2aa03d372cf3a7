"""Demo articles (set A) for The Update Desk, a fictional publication.

All reporting, people, companies and quotations below are invented.
"""

from textwrap import dedent

ARTICLES = [
    # ------------------------------------------------------------------
    # 1. Asia Pacific: shipping lane insurance after storm season
    # ------------------------------------------------------------------
    {
        "slug": "insurers-raise-premiums-luzon-strait-typhoon-season",
        "headline": "Insurers raise premiums on key Asian shipping lane after brutal typhoon season",
        "dek": "Hull cover for ships using the Luzon Strait has jumped by up to a third, and small regional carriers say they may not survive another year like this one.",
        "section": "asia-pacific",
        "tags": ["Shipping", "Trade", "Climate", "Insurance"],
        "bylines": ["amara-okafor"],
        "days_ago": 0.3,
        "status": "published",
        "hero_alt": "A rust-streaked feeder container ship rides at anchor under heavy grey cloud, with whitecaps breaking across a crowded anchorage and a pilot boat approaching its stern.",
        "hero_caption": "Vessels shelter in a crowded anchorage as a typhoon passes to the north in September.",
        "hero_credit": "Photograph: Amara Okafor / The Update Desk",
        "body": dedent("""\
            <p>Shipowners moving cargo through the Luzon Strait are facing the steepest rise in insurance costs in more than a decade, after a typhoon season that sank two vessels, grounded a dozen more and left underwriters in Singapore and London counting losses far above their forecasts.</p>
            <p>Rates for hull and machinery cover on ships that regularly use the strait have risen by between 18 and 35 per cent at the latest renewals, according to three brokerages that spoke to The Update Desk. Older vessels and small feeder operators have been hit hardest, and some owners say they have been asked to accept deductibles twice as large as last year's.</p>
            <p>The increases are already feeding into freight rates. Several regional carriers have also begun quietly rerouting sailings away from the worst of the storm track, adding a day or more to voyages between northern Asian ports and Southeast Asia.</p>
            <h2>A season that broke the models</h2>
            <p>This year's season produced nine typhoons that crossed or brushed the strait between July and October, against a long-run average of about five. Two of them intensified unusually quickly over warm water, leaving ship masters less than a day to find shelter.</p>
            <p>"We plan around storms; that is the job," said Captain Rafael Domingo, a Manila-based master who has sailed the route for 22 years. "What we are not used to is a storm that is a tropical depression at breakfast and a super typhoon by dinner. You cannot outrun that in a twenty-year-old bulk carrier."</p>
            <p>The losses were concentrated among smaller ships. A 4,000-tonne general cargo vessel sank in September with the loss of three crew, and a feeder container ship lost 140 boxes overboard after rolling heavily in a beam sea. Insurers also paid out on a string of groundings as vessels crowded into sheltered anchorages that were never designed to hold so many ships at once.</p>
            <blockquote><p>"The market is not punishing the strait. It is repricing a risk that was always there and that we collectively underestimated. Cover is still available, but it costs more, and the questions underwriters ask are much sharper now." — Priya Raman, head of marine at Meridian Straits Brokers</p></blockquote>
            <h2>Who pays the bill</h2>
            <p>For the largest container lines, a higher premium is a manageable line item spread across thousands of sailings. For the family-owned operators that knit together the region's island economies, it is a different matter. Many run ships bought second-hand and kept going on thin margins, carrying rice, cement and consumer goods to ports the big lines do not serve.</p>
            <p>"Our insurance bill has gone from the third-largest cost to the second, behind fuel," said Lourdes Villanueva, who manages a fleet of six coastal vessels out of Cebu. "We can pass some of it on, but our customers are small shopkeepers. There is a limit."</p>
            <p>Brokers describe a new set of questions that owners must now answer before cover is renewed:</p>
            <ul>
            <li>Whether masters have access to, and actually use, high-resolution weather routing services</li>
            <li>Dates and findings of recent surveys on hatch covers, lashings and watertight doors</li>
            <li>A heavy-weather plan written specifically for the strait, including named shelter anchorages</li>
            <li>Crew training records for emergency drills carried out in the past twelve months</li>
            </ul>
            <h2>Longer routes, higher emissions</h2>
            <p>Rerouting carries its own costs. Sailing around the worst of the storm belt can add 300 nautical miles to a voyage, burning more fuel and producing more emissions at a time when the industry is under pressure to cut both. Port schedules in the southern Philippines and eastern Indonesia have already begun to slip as a result, according to data compiled by a Singapore-based freight analytics firm.</p>
            <p>Some shippers have responded by front-loading cargo before the storm season begins, filling warehouses in June and July. That helps with reliability but ties up working capital, a burden that falls heavily on smaller importers.</p>
            <h2>Calls for a regional response</h2>
            <p>Port authorities and shipowner associations around the region are now discussing whether shared forecasting and coordinated shelter arrangements could bring premiums back down. One proposal, circulated at a meeting of maritime officials last month, would create a common system for allocating anchorage space when a storm approaches, replacing the current first-come, first-served scramble.</p>
            <p>Ms Raman said underwriters would reward evidence of better preparation, but warned that owners should not expect a quick return to last year's prices. "If next season is quieter, some of this will unwind," she said. "If it looks like this one, the conversation changes from price to whether certain ships can be insured at all."</p>
            <p>For Captain Domingo, that prospect is sobering. "The sea has not changed its rules," he said. "It has just started enforcing them more strictly."</p>
        """),
        "comments": [
            {
                "name": "Marcus Lindqvist",
                "email": "m.lindqvist@example.com",
                "body": "I work in freight forwarding and we have seen exactly this on the intra-Asia lanes. The surcharges started appearing in October and customers were not happy.\n\nGood to finally read a clear explanation of where they come from.",
                "status": "approved",
            },
            {
                "name": "Siti Rahmah",
                "email": "siti.rahmah@example.com",
                "body": "We see the same surcharges on the Jakarta side. Small importers feel it first because they cannot negotiate annual contracts the way the big retailers do.",
                "status": "approved",
            },
            {
                "name": "Tomasz Wróbel",
                "email": "tomasz.wrobel@example.com",
                "body": "With respect, I think the article is a little generous to the insurers. Premiums were rising before this season began, and a bad year is a convenient story for increases that were coming anyway.",
                "status": "approved",
            },
            {
                "name": "Best Marine Quotes",
                "email": "deals4u@example.com",
                "body": "Cheapest marine insurance online!!! Click our link for instant quote, guaranteed approval, limited offer.",
                "status": "spam",
            },
            {
                "name": "Grace Adeyemi",
                "email": "grace.adeyemi@example.com",
                "body": "The shared anchorage idea seems so obviously sensible that I wonder why it does not exist already. Is it a sovereignty question?",
                "status": "pending",
            },
        ],
    },
    # ------------------------------------------------------------------
    # 2. Business: central bank holds rates as wages surprise
    # ------------------------------------------------------------------
    {
        "slug": "central-bank-holds-rates-wage-growth-surprise",
        "headline": "Central bank holds rates as surprise jump in wages clouds the path to cuts",
        "dek": "Policymakers in Frankfurt left borrowing costs unchanged after pay deals came in well above forecasts, pushing back market hopes of relief in the spring.",
        "section": "business",
        "tags": ["Central Banks", "Economy", "Labour"],
        "bylines": ["lena-fischer"],
        "days_ago": 2.1,
        "status": "published",
        "hero_alt": "The glass tower of a central bank headquarters reflects a pale winter sky, with commuters on bicycles passing along a riverside path in the foreground.",
        "hero_caption": "Commuters pass the central bank's headquarters on the morning of the rate decision.",
        "hero_credit": "Photograph: Lena Fischer / The Update Desk",
        "body": dedent("""\
            <p>The euro area's central bank held interest rates steady on Thursday, resisting pressure from governments and businesses for relief after new figures showed wages rising much faster than policymakers had expected.</p>
            <p>The decision to leave the main deposit rate unchanged was widely anticipated. What surprised markets was the tone. In its statement the bank dropped a phrase, used at its previous two meetings, suggesting that the next move was likely to be down, and said instead that it would watch labour costs "with particular care".</p>
            <p>Negotiated wages across the currency bloc rose 5.1 per cent in the third quarter compared with a year earlier, according to figures published days before the meeting. Most economists had pencilled in a figure closer to 4 per cent, in line with an easing labour market.</p>
            <h2>Why wages matter so much</h2>
            <p>Central bankers watch pay closely because wages are the largest cost for many service businesses, from restaurants to hospitals to software firms. If pay rises faster than productivity, companies tend to pass the difference on to customers, keeping inflation stubbornly high even after energy and food prices have calmed.</p>
            <p>"Goods inflation has done most of the work it is going to do," said Johanna Brandt, chief economist at Rheinufer Bank in Frankfurt. "What remains is services, and services are mostly people. A wage number like this one tells the bank that the last stretch of the journey will be the hardest."</p>
            <p>Trade unions argue that the pay rises are catching up, not running ahead. Real wages across much of the bloc fell sharply when inflation peaked, and many of the latest settlements were negotiated to restore lost purchasing power rather than to secure new gains.</p>
            <blockquote><p>"Our members are not driving inflation. They are paying their rent with money that buys less than it did three years ago. If the bank sees a problem in that, it is looking at the wrong end of the problem." — Sabine Köhler, chief negotiator for a metal and engineering workers' union</p></blockquote>
            <h2>Markets push back their bets</h2>
            <p>Investors who had expected a cut as early as March quickly recalibrated. Yields on two-year government bonds, which are sensitive to interest-rate expectations, rose sharply in the hour after the statement, and the euro strengthened against the dollar.</p>
            <p>Futures markets now price the first reduction for June at the earliest, and several large banks revised their forecasts within hours. "The bank did not slam the door," said Matteo Ferraro, a fixed-income strategist at a Milan asset manager. "But it took the welcome mat away."</p>
            <p>For borrowers, the message is that relief will take longer. Mortgage rates in Germany, France and Italy have drifted lower this year on the expectation of cuts. Brokers said that trend could now stall, particularly for buyers seeking to fix their rates for ten years or more.</p>
            <h2>What to watch before the next meeting</h2>
            <p>Policymakers meet again in six weeks. Economists say three pieces of evidence will determine whether the cautious tone hardens or softens:</p>
            <ol>
            <li><strong>Company surveys on pricing intentions.</strong> If businesses say they plan to raise prices to cover wage bills, the bank's concern will grow.</li>
            <li><strong>Services inflation in the January flash estimate.</strong> A fall would suggest the wage data is a lagging echo rather than a fresh push.</li>
            <li><strong>The spring round of pay talks.</strong> Several large sectors, including public services in two of the biggest economies, begin negotiations early next year.</li>
            </ol>
            <h2>A delicate balance</h2>
            <p>The bank's caution comes as growth remains weak. Industrial output in the bloc's largest economy has fallen for much of the year, and business confidence surveys point to a sluggish winter. Some economists warn that holding rates too high for too long risks turning a slowdown into something worse.</p>
            <p>"There is a real risk of fighting the last war," said Ms Brandt. "Wages are a backward-looking indicator in many ways. By the time the bank is sure, the economy may already have cooled more than it wants."</p>
            <p>For now, the bank appears to have decided that the greater danger lies in moving too soon. Its statement stressed that decisions would continue to be taken meeting by meeting, a formula that leaves room to change course but offers little comfort to households waiting for lower borrowing costs.</p>
        """),
        "comments": [
            {
                "name": "Henrik Aalto",
                "email": "henrik.aalto@example.com",
                "body": "Clear, balanced piece. The list of what to watch is genuinely useful, I have bookmarked it for the next meeting.",
                "status": "approved",
            },
            {
                "name": "Camille Laurent",
                "email": "camille.laurent@example.com",
                "body": "I disagree with the framing that wages are the problem. Profit margins expanded enormously during the inflation spike and I would have liked to see that discussed alongside the pay data.",
                "status": "approved",
                "replies": [
                    {
                        "name": "Lena Fischer",
                        "email": "lena.fischer@theupdatedesk.example",
                        "body": "Thank you, that is a fair point. We looked at margins in detail in a piece last spring, and I plan to return to it once the next round of company results is in.",
                        "status": "approved",
                        "replies": [
                            {
                                "name": "Camille Laurent",
                                "email": "camille.laurent@example.com",
                                "body": "Appreciated, I will look out for it.",
                                "status": "approved",
                            },
                        ],
                    },
                ],
            },
            {
                "name": "Oluwaseun Bello",
                "email": "seun.bello@example.com",
                "body": "We were hoping to fix our mortgage in the spring. Sounds like we should not wait for miracles.",
                "status": "pending",
            },
        ],
    },
    # ------------------------------------------------------------------
    # 3. Politics: housing reform vote and rebels
    # ------------------------------------------------------------------
    {
        "slug": "housing-bill-survives-rebellion-eleven-votes",
        "headline": "Housing bill survives by 11 votes after rebels wring last-minute concessions",
        "dek": "The government's flagship planning reforms cleared the Commons only after ministers promised new protections for green fields and a review of local vetoes.",
        "section": "politics",
        "tags": ["Housing", "Parliament", "Cities"],
        "bylines": ["daniel-reyes"],
        "days_ago": 5.5,
        "status": "published",
        "hero_alt": "Members of parliament file through a narrow wood-panelled division lobby, several looking at their phones, as a clerk records names at a desk.",
        "hero_caption": "MPs file through the division lobby for the final vote on the housing bill.",
        "hero_credit": "Photograph: Daniel Reyes / The Update Desk",
        "body": dedent("""\
            <p>The government's flagship housing reforms survived their most dangerous moment on Tuesday night, passing their final Commons stage by just 11 votes after a rebellion by backbenchers from suburban and rural seats came within a handful of votes of defeating them.</p>
            <p>The bill, which ministers say will help deliver hundreds of thousands of new homes by loosening planning rules, passed by 312 votes to 301. Twenty-three government MPs voted against it and at least a dozen more abstained, the largest revolt of the parliament so far.</p>
            <p>It passed only after a frantic afternoon in which the housing secretary, Claire Ashdown, met rebel leaders three times and offered a series of concessions that several of her own officials had argued against only days earlier.</p>
            <h2>How the rebellion grew</h2>
            <p>Unease over the bill had been building since the summer, when a new national formula for housing targets sharply raised the number of homes expected in commuter belts around several large cities. Letters from constituents filled MPs' inboxes, many organised by local campaign groups worried about traffic, school places and the loss of fields.</p>
            <p>The rebellion was led by Geoffrey Pell, the long-serving member for Wealdbridge, who insisted it was not an attack on the principle of building more homes. "Nobody in that lobby tonight is against housing," he said afterwards. "We are against a system that lets a spreadsheet in Whitehall decide where a town's next thousand homes go, without asking whether there is a doctor to register with."</p>
            <p>By Monday evening government whips believed as many as 40 MPs were prepared to vote against the bill or abstain, enough to defeat it. A senior party figure described the mood in the tea room as "the closest thing to open revolt I have seen in years".</p>
            <h2>What the rebels won</h2>
            <p>The concessions, set out in a letter from Ms Ashdown to MPs shortly before the vote, include:</p>
            <ul>
            <li>A new duty to prioritise previously developed land before green fields, backed by a national register of brownfield sites</li>
            <li>A requirement that major developments show how they will fund new health and school capacity before building begins</li>
            <li>An independent review, reporting within a year, of how local councils can challenge housing targets they consider unrealistic</li>
            <li>A promise that the new targets will be revisited if population projections change significantly</li>
            </ul>
            <p>Ministers insist the changes do not weaken the bill's central aim. But housing campaigners fear the review in particular could become a route for councils to water down their commitments.</p>
            <blockquote><p>"Every concession tonight was about protecting people who already have a home. Not one was about the family in temporary accommodation, or the nurse paying half her wages in rent. That is who this bill was supposed to be for." — Nadia Qureshi, director of the Homes First Alliance</p></blockquote>
            <h2>A warning for the whips</h2>
            <p>The narrowness of the vote will alarm party managers, who face a crowded legislative programme and a series of difficult votes on spending in the spring. Several rebels said privately that the government had taken their loyalty for granted and that Tuesday's vote should be read as a warning.</p>
            <p>The opposition accused ministers of "governing by emergency negotiation". Its housing spokesperson said the bill had been "rewritten in a corridor" and that the final version left important questions unanswered, including how the promised infrastructure would be paid for.</p>
            <p>Government sources played down the significance of the revolt, pointing out that the bill had passed and that most of its substance was intact. "A majority is a majority," said one aide. "The homes will be built."</p>
            <h2>What happens next</h2>
            <p>The bill now moves to the upper chamber, where peers are expected to scrutinise the planning changes closely. Several have already signalled they will seek stronger environmental protections, and amendments there could return the most contentious questions to the Commons in the new year.</p>
            <p>For Mr Pell, the battle is far from over. "We have won some important promises," he said. "Now we will watch very carefully to see whether they are kept."</p>
            <p>For the roughly one million households on council waiting lists, the more pressing question is whether the bill, in whatever form it finally takes, will actually put spades in the ground. On that, even its supporters concede, the evidence will take years to arrive.</p>
        """),
        "comments": [
            {
                "name": "Rebecca Thornton",
                "email": "r.thornton@example.com",
                "body": "My MP was one of the abstainers. I would have liked to know how they justified it, but this at least explains the concessions clearly.",
                "status": "approved",
            },
            {
                "name": "Arjun Mehta",
                "email": "arjun.mehta@example.com",
                "body": "Ms Qureshi's quote is the heart of it. Renters do not organise letter-writing campaigns the way homeowners do, so their interests barely register in votes like this.",
                "status": "approved",
                "replies": [
                    {
                        "name": "Philip Carver",
                        "email": "philip.carver@example.com",
                        "body": "I understand the point, but infrastructure concerns are real. Our town gained 800 homes in five years and not a single new GP surgery. Respectfully, that is not nimbyism.",
                        "status": "approved",
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 4. World: East African grain corridor and new rail link
    # ------------------------------------------------------------------
    {
        "slug": "east-africa-grain-corridor-new-rail-link",
        "headline": "New rail link promises to speed grain along East Africa's busiest trade corridor",
        "dek": "The first freight trains have begun running on a line that could halve the time it takes to move wheat and maize inland, but lorry drivers and debt watchers have concerns.",
        "section": "world",
        "tags": ["Trade", "Food Security", "Infrastructure", "Shipping"],
        "bylines": ["kofi-mensah"],
        "days_ago": 12.4,
        "status": "published",
        "hero_alt": "A long freight train of covered grain wagons crosses a dry savannah plain at dusk, with a line of acacia trees and distant blue hills behind it.",
        "hero_caption": "One of the first scheduled grain trains heads inland on the new line.",
        "hero_credit": "Photograph: Kofi Mensah / The Update Desk",
        "body": dedent("""\
            <p>At a dusty inland terminal a few hours' drive from the Ugandan border, a yellow locomotive eased 42 wagons of imported wheat to a halt last week, completing a journey from the coast that would have taken lorries the better part of four days. The train did it in just under 30 hours.</p>
            <p>The arrival marked the start of scheduled freight services on a new rail link that officials in Kenya and neighbouring countries hope will transform the movement of grain through one of Africa's most important trade corridors. Wheat, maize and rice travelling inland to Uganda, Rwanda, South Sudan and eastern Congo have long relied on a road network clogged with lorries and border queues.</p>
            <p>"This is the difference between bread that is affordable and bread that is not," said Wanjiru Kamau, who runs a grain trading business supplying millers in the region. "Every day a cargo sits on a truck is a day somebody pays for."</p>
            <h2>A corridor under strain</h2>
            <p>The corridor carries the bulk of the food imports for several landlocked countries, and its weaknesses have been exposed repeatedly in recent years. Drought in the Horn, disruption to global grain markets and swings in fuel prices have all driven up the cost of moving food, at times adding as much as a fifth to the price of a sack of flour in inland markets.</p>
            <p>The new line, built and operated by the state-backed Great Lakes Rail Corporation, links the existing railway to a purpose-built grain terminal with silos, weighbridges and a customs office staffed by officers from several countries. The aim is to clear cargo once, rather than at every border.</p>
            <p>Dr Abdi Farah, an economist at the East Africa Trade Observatory, a research group in Nairobi, said the potential savings were substantial. By his estimate, moving grain by rail over the full distance could cut transport costs by 30 to 40 per cent per tonne compared with road haulage, provided the trains run reliably.</p>
            <blockquote><p>"Railways in this region have a long history of beautiful openings followed by disappointing timetables. The test is not the first train. It is the five-hundredth, in the rainy season, when something has broken down." — Dr Abdi Farah, East Africa Trade Observatory</p></blockquote>
            <h2>The lorry drivers' worry</h2>
            <p>Not everyone is celebrating. At a truck stop on the main highway, drivers gathered around a tea stall said they feared for their livelihoods. Long-distance haulage employs tens of thousands of people along the corridor, and supports many more in the roadside towns that feed, house and refuel them.</p>
            <p>"They tell us the train is progress," said Joseph Okello, who has driven the route for 17 years. "Progress for who? If the wheat goes on the train, what do I carry?"</p>
            <p>Officials say road and rail will complement each other, with lorries collecting grain from the inland terminal and distributing it to towns that the railway does not reach. Hauliers' associations are sceptical, and have called for a transition plan that includes retraining and support for drivers whose routes disappear.</p>
            <h2>Questions about the bill</h2>
            <p>The link was financed largely through loans, and its cost has become a political issue. Opposition politicians have questioned whether freight revenues will be enough to service the debt, pointing to earlier infrastructure projects in the region that have struggled to cover their running costs.</p>
            <p>Transport officials argue that the comparison is unfair, because the new line was designed around firm commitments from grain importers. Several large millers have signed agreements to move a minimum volume by rail each year, giving the operator a baseline of income.</p>
            <p>Analysts say the contracts are encouraging but untested. Much will depend on whether rail tariffs remain competitive once introductory discounts end, and whether cross-border customs cooperation holds when political relations between governments become strained, as they periodically do.</p>
            <h2>Looking further inland</h2>
            <p>For now, the mood at the terminal is upbeat. Workers in hard hats guided a conveyor as wheat poured into a silo, and a queue of lorries waited to collect grain for the final leg to mills across the border.</p>
            <p>Ms Kamau said she would move about half of her cargo by rail in the coming year, keeping the rest on the road until she was confident the service was reliable. "I have seen too many promises," she said. "But I have also seen the train arrive. That is a start."</p>
        """),
        "comments": [
            {
                "name": "Aisha Mwangi",
                "email": "aisha.mwangi@example.com",
                "body": "Thank you for including the drivers' perspective. Their towns along the highway will change a lot if this works, and they are rarely asked about it.",
                "status": "approved",
                "replies": [
                    {
                        "name": "David Ochieng",
                        "email": "david.ochieng@example.com",
                        "body": "Agreed. My uncle runs a guesthouse at one of those stops. Half his customers are drivers.",
                        "status": "approved",
                    },
                    {
                        "name": "Ingrid Solberg",
                        "email": "ingrid.solberg@example.com",
                        "body": "The same thing happened when rail freight was revived in parts of Scandinavia. Some roadside towns adapted, some did not. A transition plan really matters.",
                        "status": "pending",
                    },
                ],
            },
            {
                "name": "Samuel Tesfaye",
                "email": "samuel.tesfaye@example.com",
                "body": "Dr Farah's line about the five-hundredth train is spot on. I would love a follow-up in a year to see how reliable the service has been.",
                "status": "approved",
            },
        ],
    },
    # ------------------------------------------------------------------
    # 5. Science: deep-sea survey mapping hydrothermal vents
    # ------------------------------------------------------------------
    {
        "slug": "deep-sea-survey-maps-hydrothermal-vents-western-pacific",
        "headline": "Deep-sea survey maps dozens of unknown hydrothermal vents in the western Pacific",
        "dek": "A six-week expedition using robotic submarines has charted 41 previously undiscovered vent fields, raising hopes for science and fresh questions about deep-sea mining.",
        "section": "science",
        "tags": ["Oceans", "Technology", "Mining", "Climate"],
        "bylines": ["hana-sato", "amara-okafor"],
        "days_ago": 8.7,
        "status": "published",
        "hero_alt": "A yellow autonomous underwater vehicle hangs from a crane over the stern of a white research ship, with technicians in orange life jackets steadying it above a dark blue sea.",
        "hero_caption": "An autonomous survey vehicle is lowered from the research vessel Harukaze at the start of a dive.",
        "hero_credit": "Photograph: Hana Sato / The Update Desk",
        "body": dedent("""\
            <p>Scientists aboard a Japanese research vessel have mapped 41 previously unknown hydrothermal vent fields along a chain of underwater volcanoes in the western Pacific, in one of the most detailed surveys of the deep seafloor ever carried out in the region.</p>
            <p>The six-week expedition, which returned to port in Yokohama this month, used a fleet of autonomous underwater vehicles to scan more than 2,000 square kilometres of seabed at depths of up to 4,000 metres. The robots detected plumes of warm, mineral-rich water rising from cracks in the crust, then returned to photograph the vents and the unusual communities of life clustered around them.</p>
            <p>"We expected to find perhaps ten new sites," said Dr Kenji Morimoto, the expedition's chief scientist from the Pacific Ocean Research Institute. "When the count passed thirty, people on the ship stopped believing the data and started believing the seafloor."</p>
            <h2>Oases in the dark</h2>
            <p>Hydrothermal vents form where seawater seeps into the ocean crust, is heated by magma below and then gushes back out, carrying dissolved metals and chemicals. In the absence of sunlight, bacteria at the vents convert those chemicals into energy, supporting food webs of shrimp, snails, crabs and tube worms found nowhere else.</p>
            <p>Because vents are scattered and short-lived on geological timescales, scientists have long puzzled over how their animals colonise new sites. The density of vents found on this expedition may help answer that question, suggesting the seafloor offers far more stepping stones than previously thought.</p>
            <p>Among the preliminary findings reported by the team:</p>
            <ul>
            <li>At least six vent fields host dense colonies of a scaly-footed snail previously known from only two locations</li>
            <li>Several sites appear to be "extinct" vents that have stopped flowing but still support specialised life</li>
            <li>One field, nicknamed "the Cathedral" by the crew, has chimneys more than 20 metres tall</li>
            <li>Water temperatures at the hottest vent exceeded 360C, kept liquid by the immense pressure</li>
            </ul>
            <h2>How the robots did it</h2>
            <p>The survey relied on a new generation of autonomous vehicles that can operate for up to 48 hours without human control. Each carried sonar to map the shape of the seafloor, chemical sensors to sniff out vent plumes and cameras for close-range photography.</p>
            <p>Working in pairs, the vehicles first flew high over the seabed to locate chemical anomalies, then descended to within a few metres of the bottom to investigate. The approach allowed the team to cover ground at roughly five times the speed of earlier expeditions, which relied on a single remotely operated vehicle tethered to the ship.</p>
            <p>"The technology has changed the question from 'where should we look?' to 'what do we do with everything we have found?'," said Dr Aiko Nakamura, who led the vehicle team.</p>
            <h2>The mining question</h2>
            <p>The discoveries arrive at a sensitive moment. Vent fields, particularly extinct ones, often contain deposits of copper, zinc, gold and other metals in demand for batteries and electronics. Several companies and governments have expressed interest in exploring such deposits, though commercial deep-sea mining has not begun in the region.</p>
            <blockquote><p>"Every time we map a vent field, we are also drawing a map that someone else may want to use for a very different purpose. Science has to move faster than extraction, or we will lose ecosystems before we even know what lived in them." — Dr Isabel Cruz, deep-sea ecologist at a university in Manila</p></blockquote>
            <p>Dr Morimoto said his team would publish its data openly and share it with agencies responsible for marine protection. He declined to speculate on the commercial value of any deposits, saying the expedition had not been designed to assess them.</p>
            <p>Conservation groups are urging regional governments to consider protected status for some of the newly found fields, especially those hosting rare species. Several Pacific island states have already called for a moratorium on deep-sea mining until its environmental effects are better understood.</p>
            <h2>Next steps</h2>
            <p>Biologists on shore are now working through thousands of specimens and tens of thousands of photographs. Genetic analysis, expected next year, should reveal whether animal populations at different vents are connected, a key question for understanding how they might recover from disturbance.</p>
            <p>The team hopes to return in two years to revisit the most active sites. "Vents are alive in every sense," said Dr Nakamura. "They grow, they fade, they move. We have taken one photograph of a very restless place."</p>
        """),
        "comments": [
            {
                "name": "Yuki Tanabe",
                "email": "yuki.tanabe@example.com",
                "body": "Wonderful reporting. The detail about the crew nicknaming a vent field 'the Cathedral' made me smile. I hope the photographs are published.",
                "status": "approved",
            },
            {
                "name": "Liam O'Sullivan",
                "email": "liam.osullivan@example.com",
                "body": "I think the mining concerns are overstated here. We need those metals for the energy transition, and land mines have their own enormous environmental costs.\n\nA careful, regulated approach seems better than a blanket ban.",
                "status": "approved",
                "replies": [
                    {
                        "name": "Mele Tupou",
                        "email": "mele.tupou@example.com",
                        "body": "I understand the argument, but regulation is hard to enforce thousands of metres down. For many of us in the Pacific the ocean is not an abstraction. Caution seems the responsible choice until the science catches up.",
                        "status": "approved",
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 6. Business: carmaker battery plant delay (SCHEDULED)
    # ------------------------------------------------------------------
    {
        "slug": "carmaker-delays-battery-plant-midlands",
        "headline": "Carmaker delays Midlands battery plant by 18 months as electric demand cools",
        "dek": "Nordwerk Motoren's decision leaves 2,400 promised jobs in limbo and puts fresh pressure on ministers who backed the project with public money.",
        "section": "business",
        "tags": ["Energy", "Technology", "Economy", "Trade"],
        "bylines": ["lena-fischer", "daniel-reyes"],
        "days_ago": -2,
        "status": "scheduled",
        "hero_alt": "A half-finished factory shell of grey steel beams and white cladding stands on a cleared site, with idle cranes against an overcast sky and a chain-link fence in the foreground.",
        "hero_caption": "Construction has slowed at the site of Nordwerk Motoren's planned battery plant.",
        "hero_credit": "Photograph: Lena Fischer / The Update Desk",
        "body": dedent("""\
            <p>Nordwerk Motoren, one of Europe's largest carmakers, is to delay the opening of its planned battery plant in the English Midlands by at least 18 months, blaming weaker than expected demand for electric vehicles and rising construction costs.</p>
            <p>The decision, confirmed by the company in a statement to investors, pushes the start of production into the second half of the decade and leaves about 2,400 promised jobs in doubt. Construction at the site, where the steel frame of the main building is largely complete, will continue at a slower pace.</p>
            <p>The delay is a blow to ministers, who offered the project a package of grants and energy subsidies worth several hundred million pounds and have repeatedly held it up as proof that the country can compete for the industries of the future.</p>
            <h2>Why the company is slowing down</h2>
            <p>Nordwerk's executives told analysts that sales of its electric models in Europe had grown more slowly than its plans assumed. Consumers remain wary of high prices and patchy charging networks, and the withdrawal of purchase incentives in several countries has dampened demand.</p>
            <p>At the same time, competition from lower-cost manufacturers in Asia has intensified, squeezing margins across the industry. The company said it needed to "align capacity with realistic market demand" and to focus investment on a cheaper generation of battery cells expected later in the decade.</p>
            <p>"This is a rational decision from a company under pressure, but it is not a good sign for Europe's battery ambitions," said Katrin Vogel, an automotive analyst at a Stuttgart consultancy. "Every delay makes it harder to build the supply chain around these plants, because suppliers will not commit until they see production."</p>
            <h2>Political fallout</h2>
            <p>In Westminster, the news prompted immediate questions about the terms of the public support. Opposition MPs demanded to know whether any money had already been paid and whether the agreement included conditions to claw it back if jobs did not materialise.</p>
            <p>The business minister, Owen Hartley, said the government remained "fully committed" to the project and that support was tied to milestones that had not yet been reached. "Not a penny is paid out for jobs that do not exist," he told MPs. "The company has assured us that its commitment to the site is undiminished."</p>
            <blockquote><p>"People here were told this plant was the future of the town. They retrained, some of them moved their families. They deserve more than a line in an investor statement." — Dawn Whitfield, regional organiser for a manufacturing workers' union</p></blockquote>
            <p>Local leaders were more cautious. The leader of the county council said the area had been promised new industries before, and that residents would judge the project by what was built rather than by what was announced.</p>
            <h2>A wider pattern</h2>
            <p>Nordwerk is not alone. Over the past year several planned battery factories across Europe have been postponed, scaled back or put under review, as carmakers reassess how quickly buyers will switch away from petrol and diesel.</p>
            <p>Industry groups warn that the slowdown risks leaving Europe dependent on imported cells just as rules on where components are sourced grow stricter. Under trade arrangements between Britain and the European Union, vehicles must contain a rising share of locally made parts to avoid tariffs, and batteries are the most valuable component in an electric car.</p>
            <p>Analysts highlighted three risks from the delay:</p>
            <ul>
            <li>Suppliers of cathode materials and components may postpone their own investments near the site</li>
            <li>Trained workers may leave for other sectors before production begins</li>
            <li>Carmakers relying on imported cells could face higher costs if tariff rules tighten as planned</li>
            </ul>
            <h2>What comes next</h2>
            <p>Nordwerk said it would update investors on the project's timetable next year, alongside a broader review of its electric vehicle strategy. People familiar with the company's thinking said the board had discussed cancelling the plant altogether before settling on a delay.</p>
            <p>Mr Hartley is expected to face further questions from a parliamentary committee in the coming weeks. For the workers who signed up for training courses in battery manufacturing, the wait has only just begun.</p>
        """),
        "comments": [],
    },
    # ------------------------------------------------------------------
    # 7. Asia Pacific: flood defences after record monsoon (IN REVIEW)
    # ------------------------------------------------------------------
    {
        "slug": "teluk-bayu-rebuilds-flood-defences-record-monsoon",
        "headline": "After record monsoon, a Malaysian port city rebuilds its flood defences higher and greener",
        "dek": "Teluk Bayu is spending a decade's worth of infrastructure budget on new walls, wetlands and warning systems, and asking residents to help decide where the water should go.",
        "section": "asia-pacific",
        "tags": ["Climate", "Infrastructure", "Cities"],
        "bylines": ["amara-okafor"],
        "days_ago": 0.9,
        "status": "in_review",
        "hero_alt": "Workers in hard hats and rubber boots pour concrete for a new river wall while a line of colourful shophouses with water-stained facades stands on the opposite bank.",
        "hero_caption": "Work under way on a raised river wall in Teluk Bayu's old commercial district.",
        "hero_credit": "Photograph: Amara Okafor / The Update Desk",
        "body": dedent("""\
            <p>The tidemark is still visible on the walls of Ahmad Zulkifli's hardware shop, a faint brown line just above the height of his shoulders. It was left last December, when the worst monsoon floods in the recorded history of Teluk Bayu poured through the old commercial district and stayed for nine days.</p>
            <p>"I lost everything on the bottom three shelves, and then everything on the next three," said Mr Ahmad, who has run the shop for 26 years. "My father had this shop before me. He saw floods, but never like that."</p>
            <p>A year on, the port city of 1.2 million on Malaysia's east coast is in the middle of the most ambitious rebuilding of its flood defences since independence. Cranes line the river, new pumping stations are rising in low-lying neighbourhoods, and on the city's edge, former rice fields are being reshaped into wetlands designed to soak up water before it reaches homes.</p>
            <h2>A storm that exceeded every design</h2>
            <p>Last year's monsoon brought more than 1,700 millimetres of rain in three weeks, nearly double the previous record. The city's river walls, built to withstand what engineers called a one-in-fifty-year flood, were overtopped within two days. More than 80,000 people were evacuated, and damage was estimated at several billion ringgit.</p>
            <p>"We did not fail because we built badly," said Nurul Aini Hassan, the city's chief drainage engineer. "We failed because the numbers we designed to are no longer the numbers the sky is giving us."</p>
            <p>The new plan, approved by the city council in March with support from the federal government, assumes rainfall up to 30 per cent heavier than the old standards. It combines traditional engineering with what planners call "room for the river".</p>
            <h2>Walls, wetlands and warnings</h2>
            <p>The programme has four main parts:</p>
            <ol>
            <li><strong>Raised river walls</strong> through the city centre, up to 1.5 metres higher than the old barriers, with removable flood gates at key crossings</li>
            <li><strong>Retention wetlands</strong> covering about 900 hectares upstream, able to store floodwater and release it slowly</li>
            <li><strong>Six new pumping stations</strong> with backup generators placed above the highest recorded flood level</li>
            <li><strong>A neighbourhood warning system</strong> using sirens, text messages and trained volunteers in every district</li>
            </ol>
            <p>The wetlands are the most novel element, and the most contested. About 300 farming families have been offered compensation to give up or change the use of their land, and not all have agreed.</p>
            <blockquote><p>"They say our fields will save the city. Maybe that is true. But nobody asked us first whether we wanted to be the sponge." — Rohani Ismail, a rice farmer whose land falls inside the planned wetland zone</p></blockquote>
            <h2>Learning from the region</h2>
            <p>Teluk Bayu's planners have borrowed heavily from cities elsewhere in Asia that have faced similar threats. Delegations have visited flood-control projects in Japan, river restoration schemes in Vietnam, and "sponge city" districts in China designed to absorb rainfall through parks and permeable pavements.</p>
            <p>Dr Tan Wei Ling, an urban climate researcher at a university in Singapore, said the city's mix of hard and soft defences reflected a broader shift in thinking. "Twenty years ago the answer was always a higher wall," she said. "Now engineers accept that walls alone simply move the problem downstream or into the future. You need places where water is allowed to go."</p>
            <p>She cautioned, however, that wetlands take years to mature and require constant maintenance. "Concrete is easy to photograph at an opening ceremony. Mud and reeds need someone to look after them for decades."</p>
            <h2>Will it be ready in time?</h2>
            <p>The most pressing question for residents is whether enough will be finished before the next monsoon. City officials say the central river walls and three of the pumping stations should be operational by December, with the wetlands following over the next four years.</p>
            <p>Mr Ahmad has already made his own arrangements. His stock now sits on steel shelving bolted a metre higher than before, and a small petrol pump sits in the back room. "I trust the engineers," he said. "But I trust my shelves more."</p>
        """),
        "comments": [
            {
                "name": "Farah Aziz",
                "email": "farah.aziz@example.com",
                "body": "My family is from Kelantan and the December floods are always a fear. It is good to see a plan that thinks about farmers as well as the city.",
                "status": "pending",
            },
        ],
    },
    # ------------------------------------------------------------------
    # 8. Politics: digital ID bill and privacy campaigners
    # ------------------------------------------------------------------
    {
        "slug": "digital-id-bill-privacy-campaigners",
        "headline": "Digital ID bill clears first hurdle as privacy campaigners prepare for a long fight",
        "dek": "Ministers say a voluntary digital identity will make dealing with the state simpler and safer; critics warn it could become compulsory in all but name.",
        "section": "politics",
        "tags": ["Technology", "Privacy", "Parliament"],
        "bylines": ["daniel-reyes"],
        "days_ago": 27.5,
        "status": "published",
        "hero_alt": "A woman holds up a smartphone displaying a blank identity card screen outside a government building, while demonstrators with handmade placards gather on the steps behind her.",
        "hero_caption": "Campaigners gather outside parliament as the digital identity bill receives its second reading.",
        "hero_credit": "Photograph: Daniel Reyes / The Update Desk",
        "body": dedent("""\
            <p>The government's plans for a national digital identity cleared their first Commons vote on Wednesday, setting up what promises to be one of the most closely fought battles of the parliamentary session between ministers and a growing coalition of privacy campaigners.</p>
            <p>The Digital Identity and Public Services Bill passed its second reading by a comfortable margin, with most opposition MPs abstaining rather than voting against. But a string of speeches from across the chamber made clear that the bill's detailed provisions will face intense scrutiny in committee.</p>
            <p>Under the plans, every adult would be able to obtain a free digital identity stored on their phone, which could be used to prove their age, apply for benefits, register with a doctor or open a bank account. Ministers insist it will remain voluntary.</p>
            <h2>The government's case</h2>
            <p>Opening the debate, the minister for digital government, Thomas Wren, said the current system forced people to prove who they were "again and again, with the same documents, to different parts of the same state". A single trusted identity would cut fraud, speed up services and save money, he argued.</p>
            <p>"This is about convenience and security, not surveillance," Mr Wren told MPs. "Nobody will be required to have one. Nobody will be stopped in the street and asked to show one. It is a key, not a tag."</p>
            <p>Supporters point to countries where digital identities have become part of everyday life, allowing citizens to file taxes or sign contracts in minutes. Business groups have welcomed the bill, saying it could make it cheaper and quicker to verify customers and employees.</p>
            <h2>The campaigners' fears</h2>
            <p>Privacy groups see things very differently. Their central concern is that a voluntary system could become unavoidable in practice, if banks, landlords or employers begin to insist on it and alternatives wither away.</p>
            <blockquote><p>"Nobody ever announces that something is compulsory. It simply becomes impossible to live without it. By the time Parliament notices, the paper forms have gone and the choice is gone with them." — Eleanor Marsh, director of the Citizens' Data Trust</p></blockquote>
            <p>Campaigners are also worried about how data generated each time the identity is used might be stored and shared. The bill allows government departments to access "relevant records" for purposes including fraud prevention, a phrase critics say is far too broad.</p>
            <p>The Citizens' Data Trust and several other groups have published a list of changes they will press for in committee:</p>
            <ul>
            <li>A legal guarantee that non-digital alternatives will always remain available for public services</li>
            <li>A ban on private companies requiring the digital identity where other proof would do</li>
            <li>Strict limits on the logging of when and where the identity is used</li>
            <li>An independent commissioner with power to audit the system and publish findings</li>
            </ul>
            <h2>Unusual alliances</h2>
            <p>The debate has produced some unexpected partnerships. Libertarian-minded backbenchers on the government side have found common cause with left-leaning civil liberties groups, while some opposition MPs representing inner-city seats said the bill could help constituents who struggle to prove their identity with conventional documents.</p>
            <p>Ravi Chandran, a government backbencher who worked in cyber security before entering Parliament, said he supported the principle but feared the technical design had been rushed. "A database of every adult's identity is the most valuable target in the country," he said. "I want to see the security case in full before I vote for the third reading."</p>
            <p>Disability and older people's charities have raised a different concern: that a system built around smartphones could leave behind people without one, or who find them difficult to use. Ministers say in-person and post office options will be available, but have not yet published details.</p>
            <h2>The road ahead</h2>
            <p>The bill now goes to a committee of MPs, which will examine it line by line over the next two months. Campaigners plan to submit detailed evidence and are organising meetings in constituencies of MPs they regard as persuadable.</p>
            <p>Government whips are confident of eventual victory, but aware that concessions may be needed to keep wavering backbenchers on side. The upper chamber, where several members have long histories of campaigning on privacy, is expected to be a tougher test still.</p>
            <p>For Ms Marsh, the outcome is far from settled. "The principle has passed," she said. "The detail is where rights are won or lost, and the detail starts now."</p>
        """),
        "comments": [
            {
                "name": "Harriet Osei",
                "email": "harriet.osei@example.com",
                "body": "I moved here from abroad and proving my identity for a flat took weeks of paperwork. Something like this would have helped enormously, if it is done properly.",
                "status": "approved",
            },
            {
                "name": "Gareth Pryce",
                "email": "gareth.pryce@example.com",
                "body": "The point about alternatives withering away is the one that worries me most. My local bank branch closed, then the cash machine went. 'Voluntary' has a way of becoming compulsory.",
                "status": "approved",
            },
            {
                "name": "Mei Chen",
                "email": "mei.chen@example.com",
                "body": "I am a little more optimistic than the campaigners. Well-designed systems elsewhere have shown it can be done with strong safeguards. The list of demands seems reasonable, and the government would be wise to accept most of it.",
                "status": "approved",
            },
            {
                "name": "Norman Blake",
                "email": "norman.blake@example.com",
                "body": "My mother is 88 and has never used a smartphone. I would like to see those in-person options published before the bill goes any further.",
                "status": "pending",
            },
        ],
    },
]

"""Demo articles (batch B) for The Update Desk.

All reporting, people, organisations and quotations here are fictional and
written solely as demonstration content.
"""

ARTICLES = [
    # ------------------------------------------------------------------ 1
    {
        "slug": "kesari-basin-drought-water-treaty-talks",
        "headline": "As the Kesari runs dry, three nations try again to share what is left",
        "dek": "A third failed rainy season has pushed upstream and downstream governments back to the table, but the dam at the heart of the river remains the hardest question.",
        "section": "world",
        "tags": ["Climate", "Diplomacy", "Agriculture"],
        "bylines": ["kofi-mensah"],
        "days_ago": 1.2,
        "status": "published",
        "hero_alt": "A rusting ferry pontoon lies stranded on cracked grey mud, with a narrow channel of brown water visible far in the distance under a hazy sky.",
        "hero_caption": "The ferry landing at Loruk, where the Kesari River has retreated more than a hundred metres from its usual bank.",
        "hero_credit": "Photograph: Kofi Mensah / The Update Desk",
        "body": """<p>For the first time in living memory, the ferry at Loruk no longer runs. The Kesari River, which for generations carried fishing boats and cattle traders between its two banks, has shrunk to a chain of brown pools separated by cracked mud, and the rusting pontoon now sits beached a hundred metres from the water.</p>
<p>Several hundred kilometres away, in a conference hotel in Nairobi, negotiators from the three countries that share the Kesari basin sat down this week to attempt something they have circled for almost two decades: a binding treaty setting out how much water each may take from the river in a dry year.</p>
<p>The talks, convened by the regional basin commission and backed by a group of development lenders, are the most serious effort yet to replace a patchwork of informal understandings with enforceable rules. Officials on every side say a third consecutive failed rainy season has concentrated minds. Whether it has narrowed the gaps between them is far less certain.</p>
<h2>A river running out</h2>
<p>Hydrologists at the Kesari Basin Commission estimate that flows at the main downstream gauging station were 38 per cent below the long-term average over the past twelve months, the lowest figure since measurements began in the 1960s. The reservoir behind the basin's largest dam, in the upstream highlands, is at roughly half of its capacity.</p>
<p>For the estimated nine million people who depend on the river, those numbers translate into shortened planting seasons, dying livestock and rationed drinking water. In Loruk, women now walk for up to two hours to reach a borehole drilled by a charity last year, and the queue there begins before dawn.</p>
<blockquote><p>"We used to argue about who had the best grazing near the river. Now we argue about who fills their jerrycans first. The river was our neighbour. Now it behaves like a stranger." — Esther Namunyak, livestock keeper, Loruk</p></blockquote>
<p>Scientists caution against blaming a single cause. Rising temperatures have increased evaporation across the basin, but so has a rapid expansion of irrigated farmland over the past decade, much of it drawing directly from the river and its tributaries with little or no metering.</p>
<h2>What is on the table</h2>
<p>The draft text, which runs to 42 articles, centres on a drought-sharing formula. Instead of leaving the downstream state to absorb almost all of any shortfall, as happens in practice today, each country's allocation would be cut in proportion to measured flows.</p>
<p>Negotiators say agreement has been reached in principle on several supporting measures:</p>
<ul>
<li>a shared network of real-time gauging stations, with the data published openly;</li>
<li>at least 90 days' notice before any new large abstraction scheme or dam;</li>
<li>a joint technical panel to settle disputes over measurements before they become political;</li>
<li>minimum environmental flows to protect the wetlands at the river's mouth.</li>
</ul>
<p>The sticking point is the reservoir. The upstream government, which financed the dam largely from its own budget, argues that it must keep discretion over releases to protect hydropower supplies for its cities. Downstream delegates want release schedules for drought years written into the treaty itself.</p>
<p>"Nobody is asking anyone to surrender sovereignty," said Daudi Lemayan, the downstream delegation's chief negotiator. "We are asking for predictability. A farmer cannot plant on a promise that may change with the next cabinet meeting."</p>
<p>Selam Haile, an adviser to the upstream water ministry, said her government was prepared to guarantee minimum releases but not to cede operational control. "The dam is not a tap that can be opened and closed from a foreign capital," she said.</p>
<h2>Farmers and the formula</h2>
<p>Even a signed treaty would only be as strong as each government's willingness to police its own water users. In the middle-basin district of Amboro, commercial farms growing vegetables and flowers for export have sunk dozens of new pumps into the riverbank since 2019, according to a recent <a href="https://example.org/kesari-abstraction-survey">survey of abstraction points</a> commissioned by the basin commission.</p>
<p>Local officials admit that many of those pumps are unlicensed. Smallholders, meanwhile, complain that enforcement, when it arrives, tends to fall on them rather than on the larger operators who employ thousands of seasonal workers.</p>
<h2>A deadline of sorts</h2>
<p>The lenders have tied a package of basin investment, worth about $400m and covering irrigation upgrades, boreholes and flood defences, to the signing of a framework agreement by the end of the year. Diplomats describe the date as "motivating rather than magical", and another round of talks is already pencilled in for the spring.</p>
<p>Back in Loruk, the ferryman, Peter Ekai, has taken to repairing fishing nets he no longer has much use for. Asked what he expected from the talks, he shrugged. "If they agree, maybe the river comes back to us a little faster when the rain comes," he said. "If they don't, the rain will still decide."</p>""",
        "comments": [
            {
                "name": "Wanjiru Kamau",
                "email": "wanjiru.kamau@example.com",
                "body": "Thank you for going to Loruk rather than just reporting from the hotel. The detail about the borehole queue starting before dawn says more than any flow statistic.",
                "status": "approved",
                "replies": [
                    {
                        "name": "Tomás Aguilar",
                        "email": "t.aguilar@example.com",
                        "body": "Agreed. Though the flow statistics matter too, since the treaty formula depends entirely on them. Good to see the gauging network is one of the points already settled.",
                        "status": "approved",
                    },
                ],
            },
            {
                "name": "Henrik Solberg",
                "email": "henrik.solberg@example.com",
                "body": "I worked on a transboundary basin agreement in a previous job. The technical panel sounds minor but in my experience it is the clause that keeps these treaties alive once the cameras leave.",
                "status": "approved",
            },
            {
                "name": "Abena Owusu",
                "email": "abena.owusu@example.com",
                "body": "I think the piece is slightly too sympathetic to the downstream position. The upstream country paid for the dam and carries the risk of its debt; it is not unreasonable for it to want to control releases.",
                "status": "pending",
            },
        ],
    },
    # ------------------------------------------------------------------ 2
    {
        "slug": "malaria-vaccine-rollout-kilemba-district-results",
        "headline": "Malaria admissions fall sharply in the first district to roll out a new vaccine",
        "dek": "Eighteen months after a new malaria vaccine reached Kilemba's children, hospital wards are quieter, though health workers warn that the hardest doses are still to come.",
        "section": "science",
        "tags": ["Health", "Technology"],
        "bylines": ["hana-sato", "kofi-mensah"],
        "days_ago": 4.5,
        "status": "published",
        "hero_alt": "A community health worker in a blue tunic kneels beside a solar-powered vaccine refrigerator outside a small clinic, while mothers holding infants wait on a wooden bench.",
        "hero_caption": "Solar refrigerators have allowed vaccines to be stored at village clinics rather than ferried daily from the district hospital.",
        "hero_credit": "Photograph: Kofi Mensah / The Update Desk",
        "body": """<p>At the children's ward of Kilemba District Hospital, the rainy season used to mean extra mattresses on the floor. Nurses recall nights when three small patients shared a bed, most of them feverish, anaemic and suffering from severe malaria. This year, said the ward's senior nurse, there were empty beds for the first time she can remember.</p>
<p>Kilemba, a largely rural district of hill farms and scattered villages, was among the first places to introduce a new malaria vaccine into its routine childhood immunisation schedule. Early results from the programme, presented this week at a regional health meeting, suggest that the vaccine is delivering real protection outside the controlled conditions of a clinical trial.</p>
<p>The findings have not yet been peer-reviewed, and the researchers involved were careful to stress their limits. But for a disease that still kills hundreds of thousands of young children each year, even cautious good news travels quickly.</p>
<h2>What the data show</h2>
<p>The analysis, carried out by district health officials with epidemiologists from a university partnership in Japan, compared Kilemba with two neighbouring districts that have not yet introduced the vaccine. Over the eighteen months since the rollout began, the team reported:</p>
<ul>
<li>a fall of about 41 per cent in hospital admissions for severe malaria among children under five, relative to the comparison districts;</li>
<li>a smaller but measurable reduction in blood transfusions for malaria-related anaemia;</li>
<li>coverage of 78 per cent for the first three doses, but only 52 per cent for the fourth, booster dose.</li>
</ul>
<p>Dr Kenji Morimoto, an epidemiologist who led the statistical work, said the comparison design could not rule out every confounding factor, such as differences in rainfall or in bed-net distribution. "The direction of the effect is very consistent across months and across health facilities," he said. "That gives us more confidence than any single number."</p>
<h2>Cold chains and motorbikes</h2>
<p>Getting the vaccine to children has been as much a logistical achievement as a scientific one. The schedule requires four injections, the first at five months of age, and the doses must be kept refrigerated throughout. Before the programme, only the district hospital and two health centres had reliable cold storage.</p>
<p>A donor-funded scheme installed solar-powered refrigerators at 23 village clinics, and community health workers on motorbikes now carry doses to outreach sessions held in churches, schools and, occasionally, under a large tree at the weekly market.</p>
<blockquote><p>"People thought a vaccine would be the end of our work. It is the opposite. Every child now has four appointments with us, and every appointment is a chance to check on the bed net, the nutrition, the younger sister who was not brought in." — Ruth Wambua, district immunisation coordinator</p></blockquote>
<p>Health workers describe the gap between the third and fourth doses as the programme's weakest point. The booster falls when children are around eighteen months old, an age at which families often no longer attend routine clinics. Some parents, seeing a child who has stayed well, assume the course is complete.</p>
<h2>Not a silver bullet</h2>
<p>Researchers and officials alike emphasise that the vaccine is a complement to existing measures, not a replacement for them. Its protection against clinical malaria is partial and wanes over time, which is why insecticide-treated nets, prompt testing and treatment remain central to the district's strategy. Background on how the vaccine fits into wider control efforts is set out in the <a href="https://example.org/malaria-vaccine-briefing">programme's public briefing</a>.</p>
<p>There are also concerns about supply. Global production of malaria vaccines is expanding but remains below demand, and several countries are competing for the same doses. Kilemba's allocation for next year has been confirmed, officials said, but neighbouring districts are still waiting.</p>
<h2>What comes next</h2>
<p>The district plans to test text-message reminders and small transport vouchers to raise uptake of the fourth dose, and will run a household survey next year to check whether deaths, not only hospital admissions, have fallen. Dr Morimoto's team intends to submit the full analysis to a journal within months.</p>
<p>For now, on a ward that used to overflow, the change is visible in small things. A mother sitting beside her son, admitted with a chest infection rather than malaria, said she had brought all four of her children for the vaccine. "The youngest has never had the fever," she said. "For us, that is new."</p>""",
        "comments": [
            {
                "name": "Priya Raghunathan",
                "email": "priya.r@example.com",
                "body": "Really pleased to see the fourth-dose problem reported honestly. Programmes elsewhere have found the same drop-off, and the reminders-plus-vouchers idea has some evidence behind it.\n\nA useful overview of booster uptake studies is here: https://example.org/report",
                "status": "approved",
                "replies": [
                    {
                        "name": "Samuel Otieno",
                        "email": "samuel.otieno@example.com",
                        "body": "Do you know whether the vouchers worked better than the text messages on their own? In my area many mothers share one phone within the family.",
                        "status": "approved",
                        "replies": [
                            {
                                "name": "Priya Raghunathan",
                                "email": "priya.r@example.com",
                                "body": "In the studies I have read the combination did best, and shared phones were exactly the reason messages alone underperformed. Messages sent to the clinic's community volunteers rather than to parents seemed to help.",
                                "status": "approved",
                            },
                        ],
                    },
                ],
            },
            {
                "name": "Martin Kowalczyk",
                "email": "m.kowalczyk@example.com",
                "body": "A 41 per cent fall is striking, but comparing against neighbouring districts seems fragile if rainfall differed. I would wait for the peer-reviewed version before drawing firm conclusions.",
                "status": "approved",
            },
            {
                "name": "Grace Nyambura",
                "email": "grace.nyambura@example.com",
                "body": "The quote from the immunisation coordinator is lovely. Community health workers rarely get credit for this kind of work.",
                "status": "approved",
            },
        ],
    },
    # ------------------------------------------------------------------ 3
    {
        "slug": "container-freight-rates-fall-shop-prices",
        "headline": "Container freight rates are sliding. Shoppers may wait a while to notice",
        "dek": "The cost of moving a box from Asia to Europe has fallen by more than half from its peak, yet contracts, margins and currencies mean shelf prices will adjust slowly, if at all.",
        "section": "business",
        "tags": ["Shipping", "Trade", "Central Banks"],
        "bylines": ["lena-fischer", "amara-okafor"],
        "days_ago": 0.4,
        "status": "published",
        "hero_alt": "Rows of stacked shipping containers in red, blue and green fill a quayside at dusk, with gantry cranes silhouetted against an orange sky.",
        "hero_caption": "Container stacks at a Singapore terminal, where new vessel deliveries have added capacity faster than demand has grown.",
        "hero_credit": "Photograph: Amara Okafor / The Update Desk",
        "body": """<p>A year ago, freight forwarders in Singapore were fielding anxious calls from retailers desperate to secure space on any vessel heading west. This month, the calls are coming the other way. Shipping lines are offering discounts, and some have begun quietly cancelling sailings to stop rates falling further.</p>
<p>The spot price of moving a 40-foot container from East Asia to northern Europe has dropped by about 56 per cent from its peak, according to the Harbourline Container Index, a weekly benchmark compiled from booking data. Rates on routes to the Mediterranean and the east coast of North America have fallen by similar margins.</p>
<p>For households still smarting from years of rising prices, it is tempting to assume that cheaper shipping will soon mean cheaper shopping. Economists and industry executives say the connection is real, but slower and weaker than many people expect.</p>
<h2>Why rates are falling</h2>
<p>The immediate cause is a wave of new ships. Carriers ordered record numbers of large container vessels when profits were high, and those ships are now leaving the yards. Industry analysts estimate that global container capacity will grow by around 8 per cent this year, while demand for seaborne goods is expected to rise by barely a third of that.</p>
<p>At the same time, European consumers are buying fewer bulky goods. Furniture, garden equipment and home electronics, which take up a large share of container space, have been among the weakest categories in retail sales data.</p>
<blockquote><p>"Every carrier knows there are too many ships, and every carrier hopes someone else will be the one to lay vessels up. Until somebody blinks, the rate is going to keep drifting." — Wei Ling Tan, managing director of a Singapore freight forwarding firm</p></blockquote>
<h2>Why your shopping basket barely moves</h2>
<p>The first reason is arithmetic. For most goods, ocean freight accounts for a small share of the final shelf price. A single container can hold several thousand pairs of shoes or tens of thousands of phone cases, so even a steep fall in the cost of the box changes the cost of each item by only a few cents.</p>
<p>The second reason is timing. Large retailers typically sign annual contracts with carriers, so many are still paying rates agreed when the market was tighter. Goods now on shelves were also shipped weeks or months ago. Analysts at a Frankfurt economic institute estimate that changes in freight costs take between six and twelve months to feed through to consumer prices in the euro area.</p>
<p>There are other forces working in the opposite direction. The economists point to several:</p>
<ol>
<li>higher wages in warehouses, trucking and shop floors, which make up a much larger share of retail costs than sea freight;</li>
<li>currency movements, which can cancel out savings when the euro or pound weakens against the dollar;</li>
<li>retailers' desire to rebuild margins squeezed during the years of high inflation.</li>
</ol>
<p>"Retailers absorbed a lot of cost increases without passing them on fully," said Katrin Albrecht, a retail economist based in Frankfurt. "Some of the benefit of cheaper shipping will go into restoring profitability rather than cutting prices. That is not scandalous; it is how margins normally behave after a shock."</p>
<h2>What central banks are watching</h2>
<p>Even so, policymakers are paying close attention. Goods inflation in Europe has already eased considerably, and lower freight costs should help keep it subdued. That matters for central banks weighing when, and how quickly, to lower interest rates while services inflation remains stubborn.</p>
<p>Economists caution against reading too much into any single index. Freight markets are notoriously volatile, and a disruption to a major shipping lane, a port strike or a sudden pick-up in demand could reverse the trend within weeks. A <a href="https://example.org/freight-inflation-note">recent research note</a> from a group of European economists found that freight shocks have a larger effect on prices when rates are rising than when they are falling.</p>
<h2>Winners and losers</h2>
<p>Those who feel the change first are often smaller importers, who tend to buy shipping on the spot market rather than through contracts. Online sellers of low-cost household goods, many of them operating from a single warehouse, say their landed costs have fallen noticeably this year.</p>
<p>For the shipping lines, the picture is less comfortable. Several have warned that profits will fall sharply, and some are redirecting older vessels to slower routes or sending them for scrap. For the shopper, the most likely outcome is not a sudden markdown but a gentler pace of price rises, a change that is real, but easy to miss.</p>""",
        "comments": [
            {
                "name": "Oliver Brandt",
                "email": "oliver.brandt@example.com",
                "body": "Helpful explainer. I run a small homeware business and our landed cost per unit on ceramics has fallen noticeably, but our warehouse rent and wages have risen by more. The net effect on our prices is roughly zero.",
                "status": "approved",
                "replies": [
                    {
                        "name": "Mei Chen",
                        "email": "mei.chen@example.com",
                        "body": "Same experience here with garden furniture, although for bulky items the saving per unit is bigger than the article suggests. It depends heavily on what you are shipping.",
                        "status": "approved",
                    },
                ],
            },
            {
                "name": "Rashid Karimi",
                "email": "rashid.karimi@example.com",
                "body": "I'm less convinced by the margin argument. Calling it 'how margins normally behave' lets retailers off rather lightly when households are still struggling.",
                "status": "approved",
            },
            {
                "name": "Sofia Lindqvist",
                "email": "sofia.lindqvist@example.com",
                "body": "Would be interesting to see a follow-up on what happens if carriers start laying up ships in earnest. Is there a floor on rates?",
                "status": "pending",
            },
        ],
    },
    # ------------------------------------------------------------------ 4
    {
        "slug": "nalevu-undersea-cable-outage-economy",
        "headline": "Cut off: how a broken undersea cable brought Nalevu's economy to a crawl",
        "dek": "With its only fibre-optic link severed and a repair ship weeks away, the Pacific island nation is rediscovering cash, queues and the limits of satellite internet.",
        "section": "asia-pacific",
        "tags": ["Technology", "Oceans", "Trade"],
        "bylines": ["amara-okafor"],
        "days_ago": 11.0,
        "status": "published",
        "hero_alt": "A line of people waits outside a small bank branch with a hand-written sign taped to its glass door, palm trees and a turquoise lagoon visible behind them.",
        "hero_caption": "Customers queue outside a bank branch in the capital, where card payments have been unreliable since the cable failed.",
        "hero_credit": "Photograph: Amara Okafor / The Update Desk",
        "body": """<p>The first sign that something was wrong came just after 3am on a Tuesday, when the national telecoms operator's network monitors in Nalevu's capital flashed red. By breakfast, the island nation of roughly 110,000 people had lost almost all of its connection to the outside world.</p>
<p>Nearly two weeks later, the single undersea fibre-optic cable that links Nalevu to a regional hub more than 1,500 kilometres away remains broken. A specialist repair ship is not expected to arrive for at least another fortnight. In the meantime, a country that had moved much of its daily life online is running on cash, paper forms and a thin stream of satellite bandwidth.</p>
<p>The outage has exposed, in unusually stark terms, how much small island economies now depend on a few strands of glass lying on the ocean floor.</p>
<h2>An economy offline</h2>
<p>Card payments and mobile money services have worked only intermittently. The two commercial banks have extended branch hours and flown in extra banknotes from overseas, but queues for cash have stretched around the block on several mornings. Some shops have reverted to handwritten ledgers of credit for regular customers.</p>
<p>Remittances, which officials estimate are worth close to a fifth of national income, have been badly disrupted. Families who rely on money sent by relatives working abroad have had to wait days for transfers that usually arrive in minutes.</p>
<blockquote><p>"My whole business is people finding us on their phones. For ten days, nobody could find us, and nobody could pay us unless they carried cash. We have fish in the freezer and no way to tell anyone." — Losana Tuilau, owner of a seafront restaurant in the capital</p></blockquote>
<p>Tourism, the country's largest private employer, has also been hit. Resorts have struggled to confirm bookings, and at least two cruise lines have rerouted ships because passenger services on shore could not process payments.</p>
<h2>What went wrong</h2>
<p>Engineers have located the fault in deep water about 90 kilometres offshore. The cause has not been confirmed. Officials say the most likely explanations are an underwater landslide, possibly triggered by recent seismic activity, or damage from a vessel's anchor. There is no evidence of deliberate interference, the government has said.</p>
<p>Repairing a cable at that depth requires one of a small number of specialised ships that serve the entire region, and which are booked months in advance. The operator has negotiated for one to be diverted from another job, but it must first travel from its home port and load replacement cable.</p>
<p>Meanwhile, the government has leased emergency capacity from satellite providers. Ministers say this restores perhaps a tenth of normal bandwidth, which is being prioritised for hospitals, banks, airport systems and the emergency services.</p>
<p>"We have a single point of failure, and it has failed," said Mikaele Soqo, the minister responsible for communications. "We knew this risk existed. We now know exactly what it costs."</p>
<h2>The case for a second cable</h2>
<p>For years, Nalevu has discussed building a second cable along a different route, which would allow traffic to be rerouted if one link failed. The project has stalled over cost, estimated at between $40m and $60m, and over the question of who would pay for it.</p>
<p>Regional development banks and several larger Pacific partners have shown interest in funding such links, which are increasingly viewed as strategic infrastructure. Analysts say the outage will strengthen Nalevu's hand in those talks, though construction would still take years. A <a href="https://example.org/pacific-cable-resilience">regional study on cable resilience</a> published last year found that more than half of Pacific island nations rely on one international cable.</p>
<p>Economists have begun to estimate the damage. A preliminary assessment by the central bank suggests the outage could reduce economic output this quarter by between 2 and 4 per cent, depending on how quickly the repair is completed.</p>
<h2>Learning to cope</h2>
<p>In the meantime, residents are adapting. Schools have dusted off printed lesson plans, and a local radio station has begun reading out messages from relatives overseas. A handful of cafes with access to satellite connections have become informal internet hubs, with queues of customers waiting to send a single email.</p>
<p>"In a way it reminds the older people of how things were," said Ana Vakaloloma, a schoolteacher. "But the young ones have never known a day without a signal. For them, this is like losing the road out of the village."</p>""",
        "comments": [
            {
                "name": "Jonah Fifita",
                "email": "jonah.fifita@example.com",
                "body": "My family is there and we have been sending money through a cousin who flew in last week. The remittance point is the one that matters most for ordinary households, thank you for highlighting it.",
                "status": "approved",
                "replies": [
                    {
                        "name": "Claire Dubois",
                        "email": "claire.dubois@example.com",
                        "body": "I hope your family are managing. It is striking how a problem that sounds technical turns into a very personal one so quickly.",
                        "status": "approved",
                    },
                ],
            },
            {
                "name": "Arjun Mehta",
                "email": "arjun.mehta@example.com",
                "body": "A second cable is obviously sensible, but $40m to $60m is a large sum for a country this size. I'd have liked more on whether low-orbit satellite capacity could become a cheaper long-term backup.",
                "status": "approved",
            },
        ],
    },
    # ------------------------------------------------------------------ 5
    {
        "slug": "harrowmere-local-election-record-low-turnout",
        "headline": "Empty polling stations and a long night in Harrowmere as turnout hits a record low",
        "dek": "Barely one voter in five took part in the borough's council elections, leaving winners and losers alike asking who, exactly, they now represent.",
        "section": "politics",
        "tags": ["Elections", "Technology"],
        "bylines": ["daniel-reyes"],
        "days_ago": 20.5,
        "status": "published",
        "hero_alt": "Counting staff in lanyards sort ballot papers at long trestle tables in a sports hall, with basketball hoops folded against the wall and a handful of party observers watching.",
        "hero_caption": "Counting under way at the Harrowmere leisure centre, where the result in several wards was decided by fewer than a hundred votes.",
        "hero_credit": "Photograph: Daniel Reyes / The Update Desk",
        "body": """<p>Shortly after 2am, in a sports hall that still smelled faintly of chlorine from the pool next door, Harrowmere's returning officer stepped up to a microphone and read out a number that silenced the room. Turnout across the borough's council elections had been 21.4 per cent, the lowest since the council was created.</p>
<p>For a moment, no one in the hall reacted. Then a party agent near the back muttered what many were thinking: "So who voted?"</p>
<p>The answer, across the borough's 18 wards, was about 31,000 people out of an electorate of more than 145,000. In two wards, fewer than one in six registered voters took part. Several councillors were elected with the support of fewer than 900 residents.</p>
<h2>A quiet day at the polls</h2>
<p>Polling station staff described a day of long, empty stretches. At a primary school in the Eastbrook ward, a presiding officer said she had counted 11 voters in the two hours after lunch. "We had the tea urn on and the crossword out," she said. "You feel for the candidates who have been knocking on doors for weeks."</p>
<p>Turnout in local elections has long trailed that in general elections, but Harrowmere's figure was low even by those standards. Four years ago it was 29 per cent; a decade ago, just over a third.</p>
<blockquote><p>"People didn't tell me they were angry. They told me they didn't think it made any difference who ran the council. That is harder to argue with than anger." — Nadia Hussain, newly elected independent councillor for Eastbrook</p></blockquote>
<h2>Looking for explanations</h2>
<p>Candidates and officials offered a range of explanations, none of them wholly convincing on its own. Among those most often cited in the counting hall were:</p>
<ul>
<li>the absence of any national contest on the same day to draw voters out;</li>
<li>confusion over identification requirements at polling stations;</li>
<li>heavy rain through much of the afternoon and early evening;</li>
<li>a sense, voiced repeatedly on the doorstep, that budget cuts left the council with little real power.</li>
</ul>
<p>The council had also trialled a digital polling card this year, sent by text message and email to residents who opted in. Officials had hoped the reminder would nudge younger residents to vote. Early analysis suggests it made little difference: wards with the highest take-up of the digital card saw turnout fall almost as steeply as the rest.</p>
<p>Dr Eleanor Whitfield, a political scientist who studies local democracy, said the figures fitted a wider pattern. "Turnout is a symptom, not the disease," she said. "When people cannot see the connection between their vote and the state of their bins, their buses or their parks, reminders and apps will only ever be marginal."</p>
<h2>A council without a clear mandate</h2>
<p>The result left no party with overall control. The largest group lost six seats but remains the biggest party, while independents and smaller parties made gains in the borough's northern wards. Coalition talks are expected to take at least a week.</p>
<p>Whoever ends up running the council will inherit a projected budget gap, a contested plan to close two libraries and a long-delayed decision on redeveloping the town centre. The outgoing leader, Graham Pellow, acknowledged that any administration would struggle to claim a strong mandate for difficult choices.</p>
<p>"I am not going to pretend this is a good night for democracy in Harrowmere," he said. "Every one of us who stood needs to ask why so many people felt it was not worth the walk to the polling station."</p>
<h2>What happens next</h2>
<p>The council's electoral services team will publish a ward-by-ward breakdown later this month, including figures on postal votes and on voters turned away for lacking accepted identification. Campaigners have called for an independent review, and a cross-party group of councillors has proposed a citizens' assembly on local services.</p>
<p>Outside the leisure centre, as the last results were read in the early hours, one newly elected councillor stood in the car park under a streetlight, checking her phone. Asked how it felt to have won, she paused. "Honestly? Grateful," she said. "And a bit worried that most people on my street won't know my name."</p>""",
        "comments": [
            {
                "name": "Fiona MacLeod",
                "email": "fiona.macleod@example.com",
                "body": "I worked as a poll clerk that day and can confirm the tea urn detail. The people who did come in were mostly over sixty. I don't think a text message was ever going to change that.",
                "status": "approved",
            },
            {
                "name": "Kwame Boateng",
                "email": "kwame.boateng@example.com",
                "body": "As a younger voter I did go, but only because a neighbour reminded me in person. Word of mouth beat the app in my case.",
                "status": "approved",
            },
            {
                "name": "Richard Ellison",
                "email": "richard.ellison@example.com",
                "body": "With respect to Dr Whitfield, I think the ID requirement deserves more weight than it gets here. Let's see the figures on people turned away before concluding it was apathy.",
                "status": "approved",
            },
            {
                "name": "Aisha Rahman",
                "email": "aisha.rahman@example.com",
                "body": "A citizens' assembly sounds worthy, but if only a fifth of people vote, how many will turn up to that? Genuinely curious whether it has worked elsewhere.",
                "status": "pending",
            },
            {
                "name": "Luca Romano",
                "email": "luca.romano@example.com",
                "body": "The closing scene in the car park is a good piece of writing. A councillor worrying her own street won't know her name is the whole story in one line.",
                "status": "approved",
            },
        ],
    },
    # ------------------------------------------------------------------ 6
    {
        "slug": "heat-tolerant-rice-variety-field-trial",
        "headline": "A rice built for hotter nights passes its first big field test",
        "dek": "Researchers say an experimental variety kept its yield and grain quality through a record-breaking summer, but farmers and millers want to see more before they switch.",
        "section": "science",
        "tags": ["Agriculture", "Climate", "Technology"],
        "bylines": ["hana-sato"],
        "days_ago": -1.5,
        "status": "scheduled",
        "hero_alt": "A researcher in a wide-brimmed hat crouches between two plots of rice, holding up a heavy golden panicle beside a plot of visibly paler, thinner plants.",
        "hero_caption": "The experimental variety, left, beside a conventional variety at a trial field in southern Japan during the late-summer heatwave.",
        "hero_credit": "Photograph: Hana Sato / The Update Desk",
        "body": """<p>When the thermometer at a research field in southern Japan refused to drop below 28C for eleven consecutive nights last August, the scientists tending the plots braced for the worst. Hot nights are particularly damaging to rice: they disrupt the way starch is packed into the developing grain, leaving it chalky, brittle and worth less at market.</p>
<p>In most of the field, that is what happened. But in a block of plots planted with an experimental line known as KR-H27, the grains came out clear, plump and, by the measurements of the team, almost indistinguishable from a cool year's harvest.</p>
<p>The results, from the first large multi-site trial of the variety, were released this week by a consortium of public research institutes in Japan and Southeast Asia. They offer a glimpse of how one of the world's most important crops might be adapted to a warming climate, though the researchers themselves are at pains to describe them as a beginning rather than an answer.</p>
<h2>Why hot nights matter</h2>
<p>Much of the public discussion about heat and crops focuses on daytime peaks. Rice breeders have become increasingly concerned with night-time temperatures, which have been rising faster than daytime ones in many growing regions. During the grain-filling period, warm nights increase the plant's respiration, burning through sugars that would otherwise become starch.</p>
<p>The result is a loss of yield and, often more important for farmers, a loss of quality. In Japan, where rice is graded strictly on appearance, a poor grade can cut the price a farmer receives by a fifth or more.</p>
<blockquote><p>"For years we bred for more grain. Now we are breeding for grain that still behaves like rice when the night is as hot as the day used to be." — Dr Yuko Takamine, plant physiologist and the trial's lead investigator</p></blockquote>
<h2>What the trial found</h2>
<p>KR-H27 was developed through conventional crossbreeding, combining a popular Japanese eating variety with a traditional landrace from a hot lowland region that showed unusual resilience in laboratory heat chambers. No gene editing was used, a point the researchers emphasise because it eases the path to registration and consumer acceptance.</p>
<p>The trial ran at nine sites across three countries. Among the main findings:</p>
<ul>
<li>at sites with the hottest nights, the share of chalky grains in KR-H27 was about 9 per cent, compared with 35 to 50 per cent in standard varieties;</li>
<li>yields were on average 6 per cent higher than the comparison varieties under heat stress, and roughly equal in cooler conditions;</li>
<li>taste panels rated the cooked rice comparably to the parent Japanese variety, though slightly firmer.</li>
</ul>
<p>The full dataset has been made available through the <a href="https://example.org/rice-heat-trial-data">consortium's open data portal</a>, and a paper describing the trial has been submitted for peer review.</p>
<h2>The caveats</h2>
<p>Independent scientists welcomed the results but noted important limits. A single season, however hot, cannot show how the variety will perform across the range of weather that farmers face year to year. Its resistance to common diseases and pests has been tested only in small plots.</p>
<p>"A heat-tolerant variety that falls over in a typhoon, or gets blast disease in a wet year, is not a solution," said Dr Arif Santoso, an agronomist at a research institute in Southeast Asia who was not involved in the work. "The promising thing here is the size of the quality gap. The open question is everything else."</p>
<p>Millers and retailers will also need convincing. The firmer texture noted by taste panels may matter in markets where consumers have strong preferences, and supermarkets are reluctant to introduce unfamiliar names onto their shelves.</p>
<h2>From plot to paddy</h2>
<p>The consortium plans two further seasons of trials at a larger number of sites, including fields managed entirely by farmers rather than researchers. If results hold, registration could follow within three to four years in at least one country.</p>
<p>Back at the southern field, Dr Takamine rubbed a handful of husked grains between her fingers and held them up to the light. "Clear," she said. "Last summer, that was the word we wanted to hear. Now we have to hear it again, and again, in places we do not control."</p>""",
        "comments": [],
    },
    # ------------------------------------------------------------------ 7
    {
        "slug": "porto-livia-migration-reception-centre-volunteers",
        "headline": "Inside the port reception centre where volunteers keep the doors open",
        "dek": "As arrivals by sea rise again, a converted warehouse in Porto Livia relies on retired teachers, students and former migrants to do what the state cannot.",
        "section": "world",
        "tags": ["Migration", "Health", "Diplomacy"],
        "bylines": ["kofi-mensah"],
        "days_ago": 27.5,
        "status": "published",
        "hero_alt": "Inside a high-ceilinged warehouse, volunteers in orange vests sort donated clothing on long tables while a young man in a grey blanket sips from a paper cup near an open loading door.",
        "hero_caption": "Volunteers sort donated clothes at the reception centre, a former fish warehouse a short walk from the harbour.",
        "hero_credit": "Photograph: Kofi Mensah / The Update Desk",
        "body": """<p>The call usually comes in the small hours. A coastguard vessel is approaching the harbour with people rescued at sea, and within minutes a group chat of some 200 volunteers in the port city of Porto Livia begins to light up with the same question: who can come?</p>
<p>By the time the boat ties up, a handful of them are usually waiting at the gates of a converted fish warehouse that now serves as the city's main reception centre. They bring dry clothes, hot tea, and, just as importantly, the languages that the exhausted new arrivals speak.</p>
<p>The centre is formally run by the regional authorities, with a small team of paid staff and medical personnel. But on a typical night, volunteers outnumber employees by three to one. Without them, staff say, the place would not function.</p>
<h2>A city on the front line</h2>
<p>Porto Livia has received migrants arriving by sea for more than a decade, but the numbers have fluctuated sharply. After two relatively quiet years, arrivals this year are running at roughly double last year's pace, according to figures from the regional prefecture, with more than 9,000 people landed at the port since January.</p>
<p>The warehouse has beds for 350 people. On several nights this summer it has held more than 600, with late arrivals sleeping on mats between the rows of camp beds. Most people are meant to stay no more than 72 hours before being transferred to longer-term facilities elsewhere in the country, but transfers have been delayed by shortages of places.</p>
<blockquote><p>"We are a reception centre that has become a waiting room. People arrive with hope and then sit here, day after day, not knowing where they will go. The hardest part of my job is not the nights; it is the questions I cannot answer." — Marta Colombo, the centre's coordinator</p></blockquote>
<h2>Who the volunteers are</h2>
<p>The volunteers are a cross-section of the city. There are retired schoolteachers who run informal language classes, medical students who assist the centre's two nurses, and fishermen who donate part of their catch to the kitchen. Many of the most valued volunteers arrived in Porto Livia the same way, years earlier.</p>
<p>Ibrahim Sesay came ashore at the same harbour nine years ago, aged 17. He now works as an electrician and spends two or three nights a week at the centre, translating and, more often, simply sitting with new arrivals. "When I arrived, a man gave me his jacket and told me in my own language that I was safe," he said. "I don't remember his face. I remember the words."</p>
<p>Volunteers describe a set of tasks that has grown steadily over the years:</p>
<ul>
<li>meeting boats and helping to register arrivals alongside officials;</li>
<li>sorting and distributing donated clothing, shoes and hygiene kits;</li>
<li>interpreting during medical checks and legal briefings;</li>
<li>helping people contact families to tell them they are alive.</li>
</ul>
<h2>Strains and tensions</h2>
<p>Not everyone in Porto Livia welcomes the centre's presence. Some residents of the surrounding neighbourhood complain of overcrowding and argue that the city is carrying a burden that should be shared more evenly across the country and the wider region. Local politicians have repeatedly called on national authorities to speed up transfers.</p>
<p>Volunteers, too, report fatigue. A <a href="https://example.org/reception-volunteer-survey">recent survey of volunteers</a> at reception facilities in several coastal cities found that more than a third had considered stopping because of burnout, and fewer than one in five had received any formal psychological support.</p>
<p>Health workers at the centre say the medical picture has also become more complex, with more cases of dehydration, skin infections and injuries from crowded boats, as well as trauma that cannot be treated in a three-day stay.</p>
<h2>Keeping the doors open</h2>
<p>The regional government has promised additional funding for the centre and a second facility on the outskirts of the city, though no date has been set for its opening. Diplomats in the capital say the situation in Porto Livia is likely to feature in upcoming talks between governments on how arrivals should be shared.</p>
<p>For now, the volunteers keep coming. Late one evening, a retired teacher named Giulia Ferraro was packing up her chalk and worksheets after a lesson attended by a dozen young men. Asked why she kept returning, she looked surprised by the question. "Because they are here," she said. "And because someone has to teach them how to ask for the bus."</p>""",
        "comments": [
            {
                "name": "Elena Petrova",
                "email": "elena.petrova@example.com",
                "body": "Ibrahim's story about the jacket moved me. Thank you for reporting this with dignity rather than as a crisis headline.",
                "status": "approved",
            },
            {
                "name": "David Okonkwo",
                "email": "david.okonkwo@example.com",
                "body": "Important piece, though I think the residents' concerns deserved more than one paragraph. Sympathy for volunteers and for local people who feel overlooked are not mutually exclusive.",
                "status": "approved",
            },
            {
                "name": "Hannah Goldberg",
                "email": "hannah.goldberg@example.com",
                "body": "The burnout figures are worrying. Volunteer networks like this seem to run on a few exhausted people.\n\nDoes anyone know whether the centre accepts remote help, for example with translation by phone?",
                "status": "pending",
            },
        ],
    },
    # ------------------------------------------------------------------ 8
    {
        "slug": "mittelbrueck-bank-fintech-acquisition-kontoflow",
        "headline": "Regional lender Mittelbrück Bank agrees to buy payments start-up Kontoflow",
        "dek": "The deal, valued at about EUR 210m, is a bet that a century-old savings-focused bank can learn to move as fast as its digital rivals without losing its customers' trust.",
        "section": "business",
        "tags": ["Technology", "Central Banks"],
        "bylines": ["lena-fischer"],
        "days_ago": 0.1,
        "status": "draft",
        "hero_alt": "A glass-fronted modern office atrium with young staff at standing desks, seen through the arched stone entrance of an older bank building in the foreground.",
        "hero_caption": "Mittelbrück Bank's historic headquarters, where executives say Kontoflow's engineers will keep their own offices and working culture.",
        "hero_credit": "Photograph: Lena Fischer / The Update Desk",
        "body": """<p>Mittelbrück Bank, a regional lender with roots in the small manufacturing towns of western Germany, has agreed to buy Kontoflow, a Berlin-based payments start-up, in a deal valuing the younger company at about EUR 210m.</p>
<p>The acquisition, announced on Monday, is the largest in the bank's 120-year history and one of the more ambitious moves by a mid-sized European lender into financial technology. It must still be approved by regulators and by the bank's supervisory board, which is expected to vote next month.</p>
<p>For Mittelbrück, the logic is simple, if risky: its customers, many of them family-owned engineering firms, increasingly expect the kind of fast, app-based payment and invoicing tools that digital challengers offer. Building them internally, executives concluded, would take too long.</p>
<h2>What Mittelbrück is buying</h2>
<p>Founded six years ago, Kontoflow began as a tool that allowed small businesses to send and reconcile invoices automatically. It has since expanded into instant payments, currency conversion for exporters, and software that connects directly to companies' accounting systems. The company says it serves about 38,000 business customers and processed transactions worth EUR 14bn last year.</p>
<p>Like many start-ups of its generation, it has not yet made a profit. Its revenues grew by about 60 per cent last year, according to figures shared with investors, but its losses also widened as it hired engineers and expanded into two neighbouring countries.</p>
<blockquote><p>"Our clients build machines that are sold in eighty countries. They should not have to wait three days to know whether a customer in another country has paid them. Kontoflow solves that problem today, not in five years." — Stefan Berger, chief executive of Mittelbrück Bank</p></blockquote>
<h2>Culture clash, or a good fit?</h2>
<p>Integrating a fast-moving tech company into a traditional bank is notoriously difficult. Previous attempts by European lenders have often ended with founders departing, engineers leaving for competitors and products absorbed into slower internal systems.</p>
<p>Mittelbrück says it has tried to learn from those failures. Under the terms of the deal:</p>
<ul>
<li>Kontoflow will keep its brand, its Berlin offices and its existing management for at least three years;</li>
<li>its two founders will receive part of their payment in shares tied to performance targets;</li>
<li>the bank will migrate its own business customers onto Kontoflow's platform gradually, starting with a pilot group of 500 firms.</li>
</ul>
<p>Jana Weiss, Kontoflow's co-founder, said the deal would give the start-up something it had struggled to obtain on its own: a banking licence and a stable balance sheet. "We could keep raising money every eighteen months, or we could join a partner who already has the trust of exactly the customers we want," she said.</p>
<p>Analysts were more measured. Thomas Kranz, who covers European banks for a Frankfurt brokerage, said the price looked "full but defensible" given Kontoflow's growth. "The risk is not the price," he said. "The risk is that in two years' time the best engineers have gone and the bank owns an expensive brand."</p>
<h2>The regulatory picture</h2>
<p>Supervisors have become more attentive to banks' technology acquisitions, particularly regarding operational resilience and the handling of customer data. New European rules on digital operational resilience require banks to demonstrate that critical technology providers, including those they own, can withstand cyberattacks and outages.</p>
<p>Mittelbrück's capital position is comfortably above regulatory minimums, according to its most recent <a href="https://example.org/mittelbrueck-annual-report">annual report</a>, and the bank says the acquisition will be financed from existing reserves without the need to raise new equity. Central bank officials have in recent speeches encouraged smaller lenders to invest in technology, while warning that such investments should not come at the expense of prudent lending.</p>
<h2>What it means for customers</h2>
<p>For the bank's roughly 400,000 retail customers, little will change in the short term. Business clients may see new tools for instant payments and automated invoicing within the next year, though the bank has not committed to a timetable.</p>
<p>Staff representatives have sought assurances that the deal will not lead to job cuts at the bank's branches. Executives said there were no such plans, but acknowledged that some back-office roles could change as processes become automated. The works council said it would scrutinise the details closely before the supervisory board's vote.</p>""",
        "comments": [],
    },
]
